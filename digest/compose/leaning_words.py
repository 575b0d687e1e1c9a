"""The words and phrases with which a sentence leans on the one before it: a dangling
first word ("It", "But"), an opening phrase ("As a result", "The latter"), and the nouns
that after "The" stand for something said before ("The company"). `leaning` decides with
them; `brief_headings` keeps them out of headings."""

from __future__ import annotations

DANGLING = frozenset("""he she it they them this that these those his her its their him which
but however also meanwhile moreover furthermore additionally besides likewise similarly
nevertheless nonetheless otherwise thus therefore hence consequently instead still yet so and
or nor then there's here's such both neither either another others whereas plus again
later afterwards earlier accordingly regardless indeed anyway overall ultimately that's it's
they're he's she's they've it'll that'll they'll he'll she'll he'd she'd they'd there'd first
second third finally lastly next importantly critically notably strikingly interestingly
other here oh yes sure okay ok basically essentially actually luckily thankfully naturally
obviously clearly sadly unfortunately fortunately ironically admittedly alternatively""".split())
DANGLING_PHRASES = ("as a result", "in addition", "for example", "for instance", "on the other",
                    "in contrast", "by contrast", "in turn", "at the same time", "the latter",
                    "the former", "in other words", "that said", "even so", "not only",
                    "on top of that", "to that end", "as such", "as well", "to be clear",
                    "first up", "the result is", "the consequences", "the answer", "the reason",
                    "the same", "speaking of", "talking of", "as for", "on the subject of",
                    "as mentioned", "as noted", "as we", "in the same vein", "along those lines",
                    "in fact", "in short", "in sum", "after all", "of course", "simply put",
                    "put simply", "with that", "all of this", "all of that", "all this",
                    "all that", "which is why", "despite this", "despite that", "because of this",
                    "because of that", "beyond that", "beyond this", "on that note", "to do so",
                    "to do this", "the other", "the rest", "not to mention", "what's more",
                    "even then", "better yet", "the catch", "the problem", "the good news",
                    "the bad news", "the upshot", "the key point", "the big question",
                    "the difference", "either way", "in this case", "in that case",
                    "at this point", "at that point", "since then", "from there", "like this",
                    "like that", "one of them", "some of them", "many of them", "all of them",
                    "none of them", "read on", "in the meantime", "in the interim", "until then",
                    "by then", "after that", "before that", "at the time,", "in response,",
                    "in return,", "other than that", "apart from that", "aside from that",
                    "back then", "rather,", "like before,", "as before,", "for one thing",
                    "for one,", "for starters", "for another,", "case in point", "further,",
                    "none is", "none was", "none has", "none had", "none will", "none were",
                    "none of which",
                    "in another,", "in another case", "in another instance", "in one,",
                    "in other cases", "in other instances", "in others,", "more importantly",
                    "even more important", "more important,", "for context", "to start,",
                    "if anything", "for comparison", "by comparison", "to put this in",
                    "to put that in", "to put it in")
REFERRING_NOUNS = ("""company companies firm startup group agency app tool model feature platform
service product device deal report lawsuit suit plan update study survey research post letter
document filing executive spokesperson spokesman spokeswoman official officials government
administration maker giant list announcement statement version program programme project system
phone laptop game console watch headset robot chip car vehicle bill law rule ruling policy proposal
team brand chatbot assistant bot campaign investigation probe attack breach outage company's firm's
startup's app's platform's device's agency's group's utility carmaker automaker chipmaker lender
bank retailer insurer airline manufacturer developer publisher provider operator utility's
carmaker's bank's experiment experiments initiative trial integration round idea event trailer
settlement complaint sequel sale launch acquisition partnership merger agreement contract case
rollout test studio organization investment funding offer decision move change changes effort
collaboration purchase verdict incident issue problem flaw vulnerability bug video clip footage
leak leaker interview podcast episode paper memo email exception downside upside drawback caveat
fight battle dispute feud clash standoff spat controversy backlash crackdown uproar turmoil saga
layoff remark comment honor exec render image photo picture screenshot chart graph site website
outlet publication newspaper hub pact union accord treaty alliance coalition consortium lab unit
division subsidiary actor actress singer rapper comedian director musician filmmaker athlete coach
senator lawmaker governor mayor suspect victim teenager boy girl man woman couple congressman
congresswoman order pair duo trio client trademark committee panel court judge jury prosecutor
prosecutors country countries nation nations city cities town region province county""".split())
"""Nouns that, after "The" and with nothing naming them, stand for something said before."""

PLATFORMS = frozenset("""YouTube X Twitter Instagram Facebook TikTok LinkedIn Threads Reddit
Bluesky Mastodon Discord Twitch Substack Medium Snapchat WhatsApp Telegram""".split())
"""Where words are posted: in an opening phrase ("In a YouTube video, the company …") the
platform is where it was said, not who said it."""
POSTS = frozenset("""video videos post posts clip livestream stream thread story reel channel
account page broadcast short teaser""".split())
"""What a platform's name may be set before when it only says where words were posted."""
