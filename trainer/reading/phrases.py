"""Phrase tables for reading a trainee turn's tactics.

Each tactic is a list of regular expressions. They are written as families of
how people actually say a thing ("I hear you", "that's fair", "fair point"), not
as copies of particular training lines, and compiled once at import: the
reader never compiles on the per-turn path. The index that makes hundreds of
them cheap to search is `phrasebook.PhraseBook`.

Text reaching these patterns has had curly quotes folded to straight ones, and
apostrophes are optional almost everywhere (`let'?s`, `can'?t`) because
trainees type fast and often in lower case.
"""

from __future__ import annotations

import re

from trainer.reading.phrasebook import FLAGS as _FLAGS
from trainer.reading.phrasebook import PhraseBook
from trainer.reading.phrasebook import compile_any as _compile
from trainer.vocabulary import Tactic

# Words that turn "guarantee" or "trust me" into their opposite when they come
# just before it in the same sentence ("nobody can honestly guarantee that",
# "you shouldn't just trust me", "before we talk about discounts").
NEGATION_BEFORE = re.compile(
    r"(?:\b(?:no|not|never|nobody|none|cannot|without|instead\s+of|rather\s+than)"
    r"|\b(?:don|doesn|didn|won|wouldn|can|couldn|shouldn|isn|aren|wasn|weren|haven|hasn)'?t"
    r"|\bbefore\s+(?:we|i)\s+(?:talk|get|discuss|go|look)(?:\s+into|\s+about)?)"
    r"\W+(?:\w+\W+){0,3}$"
    # "none of it needs you to trust me", "rather than asking you to trust me"
    r"|\b(?:needs?|asking|ask|want|expect|have)\s+you\s+to\s+$",
    _FLAGS,
)
# How far back the negation check looks, in characters.
NEGATION_WINDOW = 40

# Tactics whose phrases flip meaning under negation. Urgency and fear do not:
# "don't miss out" and "you don't want to be left behind" are still pressure.
NEGATABLE: frozenset[Tactic] = frozenset(
    {
        Tactic.OVERPROMISE,
        Tactic.DISMISS_OBJECTION,
        Tactic.PREMATURE_DISCOUNT,
        Tactic.ASSUMPTIVE_CLOSE,
        Tactic.BYPASS_AUTHORITY,
    }
)

_NUM = r"(?:\d+|one|two|three|four|five|six|a\s+few|a\s+couple(?:\s+of)?|a\s+handful(?:\s+of)?)"
_SOON = (
    r"(?:today|tonight|tomorrow|midnight|end\s+of\s+(?:the\s+)?(?:day|week)|eod|this\s+week"
    r"|friday|the\s+weekend|(?:the\s+next\s+)?\d+\s+hours|the\s+next\s+hour)"
)
_PAPER = (
    r"(?:contract|paperwork|agreement|order\s+form|invoice|docusign(?:\s+link)?|statement\s+of\s+work"
    r"|sow|purchase\s+order|listing\s+agreement|signup\s+link)"
)
_PLAN_WORD = (
    r"(?:annual(?:ly)?|monthly|yearly|quarterly|upfront|card|credit\s+card|invoice|\d+[- ]month"
    r"|\d+[- ]year|premium|standard|basic|pro|gold|silver|platinum|starter|plus|enterprise"
    r"|bank\s+transfer|transfer|wire|ach|check|cheque|paypal|direct\s+debit|visa|amex)"
)

# Phrase tables searched over the whole turn. Questions are handled separately
# (see QUESTION_* below) because what a question does depends on its form.
TACTIC_PATTERNS: dict[Tactic, tuple[str, ...]] = {
    # --- consultative -----------------------------------------------------
    Tactic.ACKNOWLEDGE: (
        r"\b(?:that'?s|that\s+is|it'?s|this\s+is)\s+(?:a\s+|an\s+)?(?:very\s+|totally\s+|completely\s+"
        r"|perfectly\s+|really\s+)?(?:fair|reasonable|understandable|valid|legitimate|real|normal"
        r"|common|smart|sensible|honest|good|great|solid)\s+(?:point|question|concern|worry"
        r"|reaction|thing\s+to\s+(?:say|ask)|plan|idea|way\s+to\s+put\s+it|position|number"
        r"|cost|amount|thought|choice|option|call|asset|advantage)\b",
        r"\b(?:that'?s|that\s+is|it'?s)\s+(?:totally\s+|completely\s+|perfectly\s+|very\s+)?"
        r"(?:fair|reasonable|understandable|valid|smart|sensible|true|okay|ok|normal)\b",
        r"(?:^|[.!?]\s*)fair\b",
        r"\bfair\s+(?:enough|point|question|concern|worry)\b",
        r"(?:^|[.!?,;]\s*)(?:that\s+|this\s+|which\s+)?makes?\s+(?:total\s+|complete\s+|perfect\s+"
        r"|a\s+lot\s+of\s+)?sense\b",
        r"\bi\s+(?:totally\s+|completely\s+|really\s+|fully\s+)?(?:hear|get|understand|see)\s+"
        r"(?:you|that|it|why|where|what\s+you|your\s+(?:point|concern|worry)|the\s+concern)\b",
        r"\bi\s+(?:totally\s+|completely\s+|fully\s+)?understand\b",
        r"\btotally\s+get\s+it\b",
        r"\b(?:understood|understandable|gotcha|point\s+taken|no\s+argument)\b",
        r"(?:^|[.!?]\s*)(?:got\s+it|totally|noted|true)\b",
        r"\b(?:good|great)\s+(?:to\s+know|question|point|idea|plan|call)\b",
        r"\b(?:glad|good|great)\s+to\s+hear\b",
        r"\bthanks?\s+(?:you\s+)?for\s+(?:sharing|telling|being|letting|flagging|your\s+honesty"
        r"|explaining|the\s+(?:honesty|straight))\b",
        r"\bi\s+appreciate\s+(?:that|you|the|your|it)\b",
        r"\bappreciate\s+(?:your|the)\s+(?:time|honesty|candou?r|straight\s+answer|openness)\b",
        r"\bi\s+respect\s+(?:that|it|your)\b",
        r"\byou'?re\s+right\b",
        r"\b(?:it|that)\s+(?:is|can\s+be|might\s+be|may\s+be)\s+(?:a\s+lot"
        r"|expensive|pricey|a\s+big\s+(?:number|investment|decision|change)|a\s+real\s+\w+)\b",
        r"\bit'?s\s+(?:not\s+a\s+small\s+number|a\s+real\s+\w+)\b",
        r"(?:^|[.!?]\s*)some\s+(?:do|can|people\s+(?:do|can))\b",
        r"\bsounds?\s+(?:reasonable|fair|sensible|like\s+a\s+(?:real|good|great|plan|smart))\b",
        r"\bthat'?s\s+(?:great|good|smart|impressive|a\s+great|a\s+good|a\s+solid|a\s+sensible)\b",
        r"\b(?:can|could)\s+(?:work|be)\s+(?:well|really\s+valuable|valuable|a\s+great|a\s+good"
        r"|invaluable)\b",
        r"\b(?:is|are)\s+(?:a\s+)?(?:good|great|solid|serious|real|valid|smart|sensible)\s+"
        r"(?:product|option|choice|start|asset|advantage|idea|plan|question)\b",
        r"\b(?:is|are)\s+(?:healthy|a\s+real\s+cost)\b",
        r"(?:^|[.!?]\s*)(?:completely|totally|very|perfectly)\s+(?:reasonable|fair|understandable)\b",
        r"(?:^|[.!?]\s*)(?:it|that|you)\s+(?:might|may|could)(?:\s+be)?\s*[,.]",
        r"\bthat'?s\s+(?:helpful|useful|good)\s+to\s+know\b|\bthat'?s\s+handy\b",
        r"\bthat\s+(?:matters|does\s+happen)\b",
        r"\bthere'?s\s+something\s+to\s+be\s+said\s+for\b",
        r"(?:^|[.!?]\s*)(?:smart|good\s+call|good\s+idea)\s*[.!]",
        # Recognising the point in other words: "that's the right question to ask", "that's all
        # I can ask", "could be.", "you may be right", "that's worth paying attention to".
        r"\b(?:right|fair|good|smart)\s+(?:question|thing)\s+to\s+(?:ask|raise|bring\s+up|flag)\b",
        r"\bfair\s+thing\s+to\s+(?:raise|bring\s+up|flag|want)\b",
        r"\bthat'?s\s+all\s+(?:i|we)\s+(?:can|could)\s+ask\b",
        r"(?:^|[.!?]\s*)(?:could|might|may)\s+(?:well\s+)?be\s*[,.!]",
        r"\byou\s+(?:may|might|could)\s+(?:well\s+|very\s+well\s+)?be\s+right\b",
        r"\b(?:it'?s|that'?s)\s+(?:definitely\s+|really\s+)?worth\s+(?:paying\s+attention\s+to|weighing"
        r"|considering|looking\s+at|asking|raising)\b",
        r"(?:^|[.!?]\s*)of\s+course\b",
    ),
    Tactic.EMPATHIZE: (
        r"\bi'?m\s+(?:so\s+|really\s+|very\s+|truly\s+)?sorry\s*(?:,\s*)?(?:that|to\s+hear|you|it"
        r"|about\s+what)\b",
        r"\b(?:that|it|this)(?:'s|\s+is|\s+sounds|\s+must\s+be|\s+must\s+have\s+been|\s+must\s+feel)"
        r"(?:\s+so|\s+really|\s+pretty|\s+incredibly|\s+completely)?\s+(?:frustrating|hard|tough"
        r"|stressful|exhausting|awful|difficult|painful|rough|overwhelming|scary|annoying"
        r"|chaotic|disappointing|a\s+lot\s+to\s+carry)\b",
        r"\bsounds\s+like\s+(?:a\s+lot|you'?ve\s+(?:had|been))\b",
        r"\b(?:a\s+lot|so\s+much)\s+on\s+your\s+plate\b",
        r"\bi\s+can\s+(?:only\s+)?imagine\b",
        r"\bi'?ve\s+been\s+there\b",
        r"\bi\s+(?:totally\s+|completely\s+|really\s+)?(?:understand|know|get)\s+(?:exactly\s+)?"
        r"how\s+you(?:'d|\s+would)?\s+feel\b",
        r"\bi\s+felt\s+the\s+same\b",
        r"\bnobody\s+(?:wants|likes|enjoys)\b",
        r"\bmakes\s+(?:total\s+|complete\s+|perfect\s+)?sense\s+(?:that\s+)?you'?d\s+be\b",
        r"\b(?:completely|totally|perfectly)\s+normal\b",
        r"\bi(?:'d|\s+would)(?:n'?t)?\s+be\s+(?:wary|cautious|skeptical|nervous|worried|either)\b",
        r"\b(?:it'?s|that'?s)\s+a\s+big\s+decision\b",
        r"\b(?:budgets\s+are\s+tight|things\s+are\s+(?:hectic|crazy))\b",
        r"\b(?:that'?s|how)\s+(?:awful|rough|tough)\b",
        # "I don't blame you", "I'd ask the same thing", "change is hard", "it's a lot to go
        # through", "that sounds like it cost you".
        r"\bi\s+(?:don'?t|do\s+not|can'?t)\s+blame\s+you\b",
        r"\bi'?d\s+(?:ask|want\s+to\s+know|wonder|feel)\s+the\s+same\b",
        r"\bchange\s+is\s+(?:hard|tough|difficult|scary|a\s+lot)\b",
        r"\b(?:it'?s|that'?s)\s+a\s+lot\s+to\s+(?:go\s+through|take\s+in|digest|read|process)\b",
        r"\bsounds\s+like\s+(?:it|that)\s+(?:cost|hurt|was\s+(?:rough|hard|painful|expensive))\b",
        r"\b(?:eats|takes)\s+(?:up\s+)?everyone'?s\s+(?:attention|time|energy|bandwidth)\b",
        r"\bi'?d\s+never\s+want\s+to\s+(?:rush|push|pressure)\s+you\b",
        r"\b(?:an|a\s+really|a\s+very)\s+important\s+(?:conversation|decision|call)\b",
    ),
    Tactic.SUMMARIZE_CHECK: (
        r"\bso,?\s+(?:what\s+)?i'?m\s+hearing\b",
        r"\bwhat\s+i'?m\s+hearing\b",
        r"\bso,?\s+(?:it\s+)?sounds\s+like\b",
        r"\bif\s+i(?:'ve|\s+have)?\s+(?:got|understood|heard)\s+(?:it|this|that|you)\s+right\b",
        r"\bif\s+i\s+understand\s+(?:you\s+)?(?:correctly|right)\b",
        r"\bdid\s+i\s+(?:get|hear|understand)\s+(?:that|it|you)\s+right\b",
        r"\bis\s+that\s+(?:right|fair|a\s+fair\s+summary|accurate)\b",
        r"\bso\s+the\s+(?:pain|issue|concern|problem|real\s+issue|worry)\s+is\b",
        r"\blet\s+me\s+make\s+sure\s+i\s+(?:understand|heard|have)\b",
        r"\bplay(?:ing)?\s+(?:that|it|this)\s+back\b",
        # "if I'm hearing you right", "just so I've got it right", "to recap", "so we're on the
        # same page", "have I got that right?".
        r"\bif\s+i'?m\s+(?:hearing|understanding|reading|following)\s+(?:you|this|that|it)\b",
        r"\bso\s+i(?:'ve|\s+have)?\s+got\s+(?:it|this|that|you)\s+right\b",
        r"\bto\s+(?:recap|sum\s+(?:it\s+|this\s+)?up|summari[sz]e)\b",
        r"\bso\s+(?:that\s+)?we'?re\s+on\s+the\s+same\s+page\b",
        r"\bmake\s+sure\s+i\s+(?:understand|follow|heard|got|have\s+(?:it|this|that)\s+right)\b",
        r"\b(?:have|did)\s+i\s+got?\s+(?:that|it|this|you)\s+right\b",
        r"\bis\s+that\s+a\s+fair\s+(?:read|take|way|description|reading)\b",
    ),
    Tactic.VALUE_REFRAME: (
        r"\bpays?\s+for\s+itself\b",
        r"\bwhat\s+(?:does|did|do|would|will)\b[^?.!]{0,50}\bcost\s+(?:you|your|the\s+business"
        r"|the\s+company)\b",
        r"\byou\s+(?:mentioned|said|told\s+me)\b[^.?!]{0,100}(?:\$|\d|\bhours?\b|\bdays?\b|\bcost"
        r"|\bspend|\blose\b|\blost\b)",
        r"\bcovered\s+by\s+(?:the\s+)?(?:first|one|a\s+single)\b",
        r"\b(?:net\s+proceeds|total\s+cost\s+of\s+ownership|tco|\w+-year\s+cost|payback\s+period)\b",
        r"\bside\s+by\s+side\b",
        r"\bput\s+a\s+number\s+on\b",
        r"\b(?:with|using)\s+your\s+(?:actual|own|real)\s+(?:numbers|rent|data|figures|hardware"
        r"|costs?|volumes?)\b",
        r"\bthe\s+cost\s+of\s+(?:the\s+problem|doing\s+nothing|waiting|downtime|not)\b",
        r"\bworth\s+\$\s?\d",
    ),
    Tactic.HONEST_PROOF: (
        r"\bpilot\b",
        # Refusing to promise what nobody can know is honesty ("I won't promise you a
        # number of jobs"); "can't promise the price will hold" is scarcity, read elsewhere.
        r"\b(?:i|we)\s+(?:won'?t|will\s+not|can'?t|cannot|(?:am|'m|are|'re)\s+not\s+going\s+to)\s+"
        r"(?:promise|guarantee)\b",
        r"\btrial\s+(?:session|period|run|month)\b",
        r"\b(?:free|paid|\d+[- ]day)\s+trial\b",
        r"\bcase\s+stud(?:y|ies)\b",
        r"\breferences?\b",
        r"\b(?:you\s+can\s+call|call\s+(?:any|one|two|three|a\s+few)\s+of|talk\s+to|speak\s+(?:to|with)"
        r"|connect\s+you\s+with|put\s+you\s+in\s+touch|introduce\s+you|set\s+up\s+calls?\s+with)\b"
        r"[^.?!]{0,40}\b(?:clients?|customers?|users?|references?|architect|owners?)\b",
        r"\b(?:you\s+can|you\s+could|so\s+you\s+can|for\s+you\s+to)\s+(?:call|check|verify"
        r"|look\s+(?:it|them|that)\s+up|look\s+up|read\s+it|see\s+(?:it|them)\s+yourself|judge"
        r"|audit)\b",
        r"\b(?:judge|see|check|verify|read|test|compare)\b[^.?!]{0,40}\b(?:for\s+)?yourself\b",
        r"\bdon'?t\s+take\s+my\s+word\s+for\s+it\b",
        r"\btry\s+it\s+(?:free|for\s+free|out)\b|\bfree\s+for\s+(?:a|one|two|\d+)\s+(?:days?|weeks?|months?)\b",
        r"\bhere'?s\s+(?:the|our|my)\s+(?:\w+\s+){0,2}(?:spreadsheet|data|report|numbers|postmortem"
        r"|post-mortem|record|case\s+study|results)\b",
        r"\bpublic\s+(?:incident|postmortem|data|status|history)\w*",
        r"\b(?:post-?mortem|status\s+page|audit\s+report|soc\s?2\s+report|pen(?:etration)?\s+test"
        r"\s+report)\b",
        r"\b(?:share|send|show|give)(?:\s+you)?\s+(?:the\s+|our\s+|my\s+|their\s+|that\s+)?"
        r"(?:\w+\s+){0,3}(?:data|numbers|report|records"
        r"|survey\s+data|benchmarks?|spreadsheet|mls\s+records|comps"
        r"|retention\s+numbers|sales\s+record|track\s+record|results|usage\s+data|metrics"
        r"|section)\b",
        r"\b(?:my|our)\s+(?:sales|track)\s+record\b",
        r"\b\d+[- ]day\s+(?:pilot|test|trial)\b",
        r"\btest\s+(?:it\s+)?on\s+one\b",
        r"\bmedian\b",
        r"\bsuccess\s+(?:criteria|metrics)\b",
        r"\b(?:no-cost|free)\s+(?:\w+\s+)?(?:review|audit)\b",
        r"\bcomps\b",
        r"\bbenchmarks?\s+from\b",
        # "put you in touch with one of them", "three past clients to call", "the incident report
        # is public", "poke holes in it".
        r"\b(?:connect\s+you\s+with|put\s+you\s+in\s+touch\s+with|introduce\s+you\s+to)\s+(?:one|two"
        r"|three|a\s+few|a\s+couple|some|any)\b",
        r"\b(?:clients?|customers?|references?|owners?)\s+(?:you\s+can\s+|to\s+)(?:call|ring|email)\b",
        r"\b(?:reports?|post-?mortems?|incidents?|results|data|numbers|audits?|reviews|records)\s+"
        r"(?:is|are)\s+(?:all\s+)?public(?:ly\s+available)?\b",
        r"\bpoke\s+holes\b|\bevery\s+assumption\b",
        r"\blicen[cs]e\s+number\b",
    ),
    Tactic.OFFER_OPTIONS: (
        r"\b(?:we|you)\s+could\s+(?:start|begin|try|do|go\s+with|run|phase|split|scope|act)\b",
        r"\bstart(?:ing)?\s+(?:with|small|smaller)\b",
        r"\b(?:smaller|starter|basic|lighter|lite|slimmer|reduced|business-hours|project-based"
        r"|part-time)\s+(?:tier|package|plan|version|scope|engagement|option|program)\b",
        r"\b(?:second|next|first)\s+phase\b|\bphas(?:e|ed|ing)\s+(?:it|in|the)\b",
        r"\bpayment\s+plan\b|\bspread\s+(?:it|the\s+cost|payments|onboarding)\b",
        r"\bmonth-to-month\b",
        r"\bor\s+would\s+you\s+(?:rather|prefer)\b",
        r"\b(?:one|a\s+single)\s+(?:depot|team|site|region|channel|location|department|office"
        r"|process|store|project)\b",
        r"\bbr(?:eak|oke)\s+(?:it|this)\s+(?:into|down)\b",
        r"\b(?:two|three|a\s+few|some)\s+options\b",
        r"\bif\s+(?:\w+\s+)?(?:is|works)\s+better\b",
        r"\b(?:the|our)\s+next\s+(?:one|cohort|intake|start\s+date)\s+(?:opens|starts|is)\b",
        r"\bwould\s+a\s+(?:smaller|shorter|lighter|single|short)\b",
        # "what if we plan now and build later?": an option put as a question.
        r"\bwhat\s+if\s+(?:we|i|you|the|a|an|our|this|that|instead)\b",
        r"\bhow\s+about\s+(?:we|i|starting|a|an|doing|running|trying)\b",
        # A proposal in plain words: "we'd run it at one clinic", "we check where
        # you stand", "here's one way to split it", "instead of a deck, ...".
        r"\bwe(?:'d|'ll|\s+would|\s+will|\s+can|\s+could)\s+(?:also\s+|then\s+|just\s+)?"
        r"(?!be\b|love\b|like\b|need\b|want\b|have\s+to\b|hate\b|never\b|not\b|really\b"
        r"|probably\b|all\b|see\b|get\s+(?:you\s+)?(?:started|signed|going)\b)[a-z]+",
        r"\bwe\s+(?:check|handle|take|write|run|set|build|give|send|put|start|keep|leave|cover"
        r"|bring|pull|manage|train|monitor|provide|include|document|assess|map|plan|phase|pilot|test"
        r"|migrate|import|split|show|walk|meet|review|track|report|deliver|schedule|cap|bill|waive"
        r"|pause|limit|replace|consolidate|add|sit|shadow|measure|compare|hold|freeze|focus|scope"
        r"|install|configure|onboard|coach|prepare|draft|present|join|stage|photograph|market|carry"
        r"|redesign|rebuild|fund|absorb|underwrite|guarantee\s+only|credit|refund|swap|trade)\b",
        r"\bhere'?s\s+(?:one|a|an|the|my|what|how)\s+(?:way|idea|option|thought|plan|proposal"
        r"|suggestion|offer|approach|i'?d|we'?d|we\s+could|it\s+could|to\s+do)\b",
        r"\b(?:i'?d|i\s+would)\s+(?:suggest|propose|recommend)\b|\bmy\s+(?:suggestion|proposal)\b",
        r"\binstead\s+of\s+(?:a|the|that|an|signing|committing|buying|paying)\b",
        r"\blet'?s\s+(?:start|begin|try|run|pilot|phase|scope|map|split|keep|leave|put\s+it)\b",
        r"\b(?:a|one|an)\s+(?:other\s+)?option\s+(?:is|would|could)\b",
        r"\b(?:a|one|an)\s+(?:small\s+|simple\s+|quick\s+|different\s+)?(?:idea|suggestion|proposal)"
        r"\s*(?:[:,-]|for\s+you|would\s+be)",
        r"\bhappy\s+to\s+(?:have\s+(?:him|her|them)\s+call|connect\s+you|introduce\s+you"
        r"|put\s+you\s+in\s+touch|walk\s+you\s+through|set\s+(?:that|it|this)\s+up)\b",
    ),
    Tactic.PERMISSION_NEXT_STEP: (
        r"\bwould\s+(?:it|that|this)\s+(?:help|make\s+sense|be\s+(?:useful|helpful|worth|okay"
        r"|ok|easier|a\s+(?:better|fair|good)))",
        r"(?:^|[.!?,;:]\s*|\b(?:and|or|so)\s+)would\s+you\s+(?:be\s+open|like|prefer|rather|want"
        r"|mind\s+if)\b",
        r"(?:^|[.!?]\s*)(?:do\s+you\s+)?want\s+(?:that|it|them|those|to\s+(?:see|go|look|talk))\b",
        r"\bwould\s+(?:a|an|the|your)\s+[^?.,]{1,60}\b(?:help|be\s+(?:useful|helpful|worth|better"
        r"|easier))\b",
        r"\b(?:do\s+you\s+|would\s+you\s+)?want\s+me\s+to\b",
        r"\bis\s+it\s+(?:okay|ok|alright|all\s+right)\s+if\b",
        r"\b(?:do|would)\s+you\s+mind\s+if\b",
        r"\bif\s+(?:it|that)(?:'s|\s+is|'d|\s+would|\s+will)?\s+(?:help(?:s|ful)?|useful)\b",
        r"\bif\s+thats\s+useful\b",
        r"\bhappy\s+to\b[^.?!]{0,60}\bif\s+(?:that'?s|that\s+is|it'?s|you(?:'d|\s+would)?\s+like"
        r"|you\s+want)\b",
        r"\bdoes\s+(?:that|this|the\s+\w+(?:\s+\w+)?)\s+(?:work|suit|sound)\b",
        r"\b(?:can|could|may)\s+i\s+(?:send|share|show|put\s+together)\b",
        r"\bwhen\s+would\s+be\s+a\s+good\s+time\b",
        r"\bwould\s+that\s+work\b",
        r"\b(?:shall|should)\s+i\s+(?:send|share|check|follow|reach|call|put\s+together)\b",
        # "would it be all right if...", "is there anything I can send you...", "mind if I ask",
        # "would you be comfortable...".
        r"\bwould\s+it\s+be\s+(?:all\s+right|alright)\b",
        r"\bis\s+there\s+anything\s+i\s+(?:can|could)\s+(?:send|share|put\s+together|pull\s+together"
        r"|prepare|do)\b",
        r"(?:^|[.!?,;]\s*)mind\s+if\s+i\b",
        r"\bwould\s+you\s+be\s+(?:comfortable|up\s+for|okay|ok)\b",
    ),
    Tactic.WALK_AWAY_OK: (
        r"\bnot\s+to\s+be\s+(?:a\s+|the\s+right\s+)?(?:good\s+)?fit\b",
        r"\b(?:may|might|could)\s+not\s+be\s+(?:a\s+|the\s+right\s+|the\s+best\s+)?(?:fit|match"
        r"|right\s+for\s+you|for\s+you)\b",
        r"\b(?:isn'?t|is\s+not|not)\s+(?:for\s+everyone|a\s+(?:good\s+)?fit|the\s+right\s+fit"
        r"|the\s+best\s+match|right\s+for\s+you)\b",
        r"\bno\s+(?:pressure|strings|obligation|hard\s+feelings|commitment)\b",
        r"\bno\s+(?:rush|deadline|hurry|pressure)\s+(?:from|on)\s+my\s+(?:side|end|part)\b",
        r"\bthere'?s\s+no\s+(?:deadline|rush|hurry)\b|\bno\s+deadline\b",
        r"\bgood\s+luck\s+with\b",
        r"\byou\s+(?:shouldn'?t|should\s+not)\s+(?:buy|sign|go\s+ahead)\b",
        r"\bi'?d\s+rather\s+(?:you|lose|not)\b",
        r"\bif\s+(?:so|not|none\s+of\s+that\s+\w+|it\s+doesn'?t)\b[^.?!]{0,40}\b(?:that'?s\s+"
        r"(?:fine|okay|ok)|i'?d\s+(?:leave|tell|say))\b",
        r"\bif\s+(?:anything|that|it|things)\s+(?:ever\s+)?(?:changes?|stops?\s+working)\b",
        r"\bfeel\s+free\s+to\s+reach\s+out\b",
        r"\byou\s+know\s+where\s+to\s+find\s+me\b",
        r"\b(?:totally|perfectly|completely)\s+(?:fine|okay|ok)\b",
        r"\bthat'?s\s+(?:your\s+call|fine\s+too)\b",
        r"\bmay\s+(?:genuinely\s+|honestly\s+)?not\s+need\b",
        r"\b(?:could|may|might)\s+(?:well\s+)?be\s+true\b",
        r"\bi'?ll\s+(?:tell\s+you|say\s+so)\b(?!\s+what)",
        r"\byou\s+walk\s+away\b",
        r"\bstay\s+out\s+of\s+(?:the|your)\s+way\b",
        r"\bgood\s+for\s+you\b",
        r"\bmakes\s+sense\s+to\s+(?:use|go\s+with|stay\s+with|stick\s+with)\s+(?:it|them)\b",
        r"\bbrowse\s+as\s+long\s+as\b",
        # "you might not need us", "they might be the better fit", "staying put might be the right
        # move", "maybe you shouldn't", "you don't have to decide today".
        r"\b(?:might|may|probably)\s+(?:genuinely\s+|honestly\s+|really\s+)?(?:not|don'?t)\s+need\b",
        r"\b(?:might|may|could|would)\s+(?:honestly\s+|actually\s+|genuinely\s+)?be\s+(?:a\s+|the\s+)?"
        r"better\s+(?:fit|choice|option|match)\b",
        r"\b(?:staying\s+put|sticking\s+with\s+(?:them|it|what\s+you\s+have)|not\s+switching"
        r"|waiting)\s+(?:might|may|could)\s+(?:genuinely\s+|honestly\s+|well\s+)?be\s+(?:the\s+)?"
        r"(?:right|better|smart)\b",
        r"\bmaybe\s+you\s+shouldn'?t\b",
        r"\b(?:no\s+need|(?:don'?t|doesn'?t)\s+(?:have|need))\s+to\s+(?:decide|commit|sign)\b"
        r"[^.?!]{0,20}\b(?:today|now|yet)\b|\bnothing\s+(?:has|needs)\s+to\s+be\s+decided\b",
    ),
    # --- pressure ---------------------------------------------------------
    Tactic.FALSE_URGENCY: (
        r"\b(?:ends?|expires?|closes?|disappears?|goes\s+away|good|valid|only|won'?t\s+last"
        r"|gone|runs\s+out)\b[^.?!]{0,30}\b" + _SOON + r"\b",
        r"\b" + _SOON + r"\b[^.?!]{0,10}\bonly\b",
        r"\bby\s+"
        + _SOON
        + r"\b[^.?!]{0,40}\b(?:is\s+gone|goes\s+away|disappears|ends|expires|is\s+over)\b",
        r"\b(?:seats|spots|space|places|availability|supply|inventory|slots)\s+(?:is|are)\s+(?:limited"
        r"|scarce|running\s+out|tight)\b",
        r"\b(?:nearly|almost)\s+(?:full|sold\s+out|gone|booked)\b|\bsold\s+out\b",
        r"\bhurry\b",
        r"\bcan\s+only\s+(?:hold|keep|offer|guarantee)\b",
        r"\b(?:offer|price|pricing|rate|deal|discount|spot)\b[^.?!]{0,30}\b(?:until|till|by)\s+(?:\d{1,2}(?::\d\d)?"
        r"\s*(?:am|pm)|noon|close\s+of\s+business|cob)\b",
        r"\blimited[- ]time\b",
        r"\bwill\s+be\s+gone\b",
        r"\bwon'?t\s+(?:stay|last|be)\s+(?:this|that|like\s+this)\s+\w*\s*forever\b|\bwon'?t\s+stay\s+this\b",
        r"\b(?:i'?d|you'?d\s+better|better)\s+(?:move|act|hurry|decide)\s+(?:fast|quickly|now|soon)\b",
        r"\b(?:waiting|delaying|doing\s+nothing|thinking\s+about\s+it)\s+(?:is|will\s+be)\s+(?:the\s+most\s+expensive"
        r"|a\s+mistake|costly|expensive)\b",
        r"\bthe\s+longer\s+you\s+wait\b",
        r"\b(?:we|you)\s+(?:have|'ve\s+got)\s+(?:maybe|only|just)\s+(?:\w+\s+)?(?:days?|weeks?|hours?)\b",
        r"\b(?:grab|get|book|take|claim|secure)\s+(?:one|it|yours|a\s+spot|your\s+spot|a\s+seat)\s+(?:now"
        r"|today|quickly|fast|while)\b",
        r"\b(?:the\s+)?last\s+(?:day|chance)\s+(?:at|for|to\s+get|before)\b|\b(?:the\s+)?last\s+(?:week|month)\s+(?:at\s+this|to\s+get|before\s+(?:the|prices?|it))\b|\blast\s+call\b",
        r"\b(?:it'?s|now\s+is\s+the)\s+time\s+to\s+(?:decide|commit|sign|move|act|buy)\b",
        r"\bonly\s+(?:good\s+|valid\s+)?(?:for\s+|until\s+|till\s+)?(?:today|tonight|now|this\s+week)\b",
        # ...but not "if you had to decide right now" (a temperature check) or "you don't have
        # to decide today" (the pressure taken off).
        r"(?<!had\sto\s)(?<!were\sto\s)(?<!n't\shave\sto\s)(?<!nt\shave\sto\s)(?<!no\sneed\sto\s)"
        r"\b(?:decide|answer|decision|commit|yes)\b[^.?!]{0,25}\b(?:today|tonight|now|right\s+now"
        r"|in\s+the\s+next\s+(?:hour|\w+\s+minutes)|by\s+(?:tonight|friday|end\s+of\s+day)"
        r"|this\s+week)\b",
        r"\bif\s+you\s+(?:sign|sign\s+up|commit|buy|act|book|enroll|join)\s+(?:up\s+)?(?:today|now"
        r"|tonight|this\s+week|by)\b",
        r"\b(?:filling\s+up|going|selling)\s+fast\b",
        r"\bonly\s+(?:\w+\s+){0,2}"
        + _NUM
        + r"\s+(?:\w+\s+){0,2}(?:spots?|seats?|slots?|units?|places?"
        r"|openings?|left)\b",
        r"\b(?:spots?|seats?|slots?|units?|places?)\s+(?:are\s+)?(?:left|remaining)\b",
        r"\blast\s+(?:chance|spot|seat|few\s+(?:spots|seats|units))\b",
        r"\bwon'?t\s+(?:last|be\s+(?:here|around|available))\b",
        r"\bbefore\s+(?:it'?s|they'?re)\s+(?:gone|taken)\b",
        r"\bmiss(?:ing)?\s+out\b",
        r"\b(?:there\s+)?won'?t\s+be\s+another\b",
        r"\bdon'?t\s+come\s+(?:along|around)\s+often\b",
        r"\bif\s+you\s+wait\b",
        r"\b(?:buy|act|move|decide)\s+now\b",
        r"\bnow\s+or\s+never\b",
        r"\bpriced\s+out\b",
        r"\b(?:market|it|they|he|she|this)\s+won'?t\s+wait\b",
        r"\bif\s+you\s+don'?t\s+(?:sign|commit|act|buy|sell|decide)\b[^.?!]{0,15}\b(?:now|today)\b",
        r"\block\s+(?:it|this|that)\s+in\s+now\b",
        r"\bcan'?t\s+(?:hold|guarantee|keep)\b[^.?!]{0,30}\b(?:price|pricing|rate|spot"
        r"|seat|offer|discount|after)\b",
        r"\byes\s+or\s+(?:a\s+)?no\b",
        r"\bnow'?s\s+the\s+time\b",
        r"\b(?:offer|deal|promo|proposal|discount)(?:'s|\s+is)?\s+(?:ends|expires|is\s+only)\b",
        # Scarcity and competing demand in more words: "can't promise it'll still be here",
        # "another buyer asked about this exact unit", "only for the first ten clients".
        r"\b(?:can'?t|cannot|won'?t|no\s+way\s+to)\s+(?:promise|guarantee|say|be\s+sure)\b[^.?!]{0,30}"
        r"\b(?:still\s+be|be\s+(?:here|there|around|available|left|open))\b",
        r"\b(?:another|other)\s+(?:buyers?|bidders?|offers?|clients?|people|couples?|famil(?:y|ies)"
        r"|compan(?:y|ies))\s+(?:\w+\s+){0,3}(?:interested|looking\s+at\s+(?:it|this|the)|circling"
        r"|lined\s+up|asking\s+about\s+(?:it|this)|ready\s+to\s+(?:sign|buy|grab|move|offer)"
        r"|ask(?:ed)?\s+about\s+(?:it|this)\s+(?:exact\s+)?(?:unit|house|home|property|listing|spot"
        r"|slot|seat|place|one))\b",
        r"\bbefore\s+(?:someone|somebody|anyone|another\s+\w+)\s+(?:else\s+)?(?:grabs|takes|snaps"
        r"|gets|buys)\b",
        r"\b(?:they'?re|they\s+are|someone'?s|someone\s+is|somebody'?s|somebody\s+is|others\s+are"
        r"|another\s+\w+\s+is)\s+(?:\w+\s+)?(?:ready|about|planning|going)\s+to\s+(?:make|put\s+in"
        r"|submit|write)\s+(?:an\s+)?offers?\b",
        r"\b(?:to|for)\s+the\s+(?:first|next)\s+(?:\d+|two|three|five|ten|twenty|few)\s+(?:clients"
        r"|customers|people|buyers|businesses|companies|sign-?ups|members|students|owners)\b",
        r"\bonly\s+(?:\w+\s+){0,2}(?:days?|hours?)\s+(?:left|to\s+go|remaining)\b",
    ),
    Tactic.ASSUMPTIVE_CLOSE: (
        r"\b(?:we|you|i)\s+(?:just\s+)?(?:sign|ink|lock)\s+(?:it\s+|this\s+|the\s+\w+\s+)?"
        r"(?:in\s+)?(?:today|now|tonight|this\s+(?:week|afternoon|morning))\b",
        # Choice-of-two between ways to buy: either answer is a yes.
        r"\b" + _PLAN_WORD + r"(?:\s+\w+){0,2}\s+or\s+(?:the\s+)?" + _PLAN_WORD + r"\b",
        r"\b(?:start|begin|kick\s?off|onboard(?:ing)?|install|go\s+live|set\s+you\s+up"
        r"|put\s+you\s+down|sign\s+you\s+up|book\s+you)\b[^.?!]{0,50}\bor\b[^.?!]{0,30}\?",
        r"\b(?:let'?s|we'?ll|i'?ll)\s+(?:just\s+)?(?:go\s+ahead\s+and\s+)?get\s+(?:you|this|it"
        r"|the\s+\w+(?:\s+\w+)?)"
        r"\s+(?:\w+\s+){0,2}(?:started|signed|going|done|booked|set\s+up|onboarded|enrolled|sorted"
        r"|on\s+a\s+plan|on\s+board|in)\b",
        r"\blet'?s\s+(?:just\s+)?(?:sign|lock|shake|close|make\s+it\s+official|wrap\s+(?:it|this)\s+up"
        r"|do\s+(?:it|this|the\s+paperwork)|get\s+started|book\s+(?:it|you))\b",
        r"\blet'?s\s+(?:just\s+)?start\s+(?:today|now|monday|tomorrow|this\s+week)\b",
        r"\b(?:i'?ll|i\s+will|i'?m\s+going\s+to|let\s+me)\s+(?:just\s+)?(?:go\s+ahead\s+and\s+)?"
        r"(?:send|email|get|draw\s+up|draft|prepare|forward|have)\b[^.?!]{0,25}\b(?:the\s+|your\s+"
        r"|an?\s+|our\s+|her\s+the\s+|him\s+the\s+)?" + _PAPER + r"\b",
        r"\b(?:i'?ll|i\s+will|i'?ve|we'?ve|i\s+have|we\s+have|we'?ll)\s+(?:already\s+)?(?:just\s+)?"
        r"(?:go\s+ahead\s+and\s+)?(?:book|booked|pencil|penciled|pencilled|reserve|reserved"
        r"|put\s+you\s+down|set\s+you\s+up|lock(?:ed)?\s+(?:you|it|in)|sign(?:ed)?\s+you\s+up"
        r"|enroll(?:ed)?\s+you|register(?:ed)?\s+you)\b",
        r"\bwe'?ll\s+(?:start|begin|kick\s+off|get\s+started)\b[^.?!]{0,30}\b(?:monday|tuesday"
        r"|wednesday|thursday|friday|tomorrow|today|next\s+week|on\s+the)\b",
        r"\byou\s+can\s+(?:go\s+ahead\s+and\s+)?sign\b",
        r"\b(?:we|you)\s+sign\s+(?:it\s+|this\s+|the\s+\w+\s+)?(?:today|tonight|now|this\s+\w+"
        r"|by\s+\w+|tomorrow)\b",
        r"\bsign\s+(?:with\s+us\s+|up\s+)?(?:today|now|here)\b",
        r"\block\s+in\s+your\s+(?:spot|seat|rate|price|place)\b",
        r"\b(?:get|send)\s+(?:the\s+)?paperwork\s+started\b",
        r"\btalk\s+details\s+later\b",
        r"\bget\s+you\s+(?:started|signed(?:\s+up)?|onboarded|enrolled|booked(?:\s+in)?|set\s+up|going)\b",
        r"\b(?:shall|should)\s+we\s+(?:go\s+ahead|get\s+(?:started|going)|lock|sign|book|start)\b",
        r"\bjust\s+sign\s+(?:it|here|today|now|the)\b",
        r"\b(?:put|place|submit|process|get)\s+(?:the|an?|your)\s+(?:\w+\s+)?order\s+in\b"
        r"|\b(?:i'?ll|let\s+me)\s+(?:just\s+)?(?:put|place|submit|process)\s+(?:the|an?|your)\s+(?:\w+\s+)?order\b",
        r"\bdone\s+deal\b",
        r"(?:^|[.!?]\s+|,\s*(?:so\s+)?)(?:just\s+)?(?:sign|switch|commit|go\s+with\s+us|grab\s+it|pull\s+the\s+trigger)"
        r"\b(?!\s+(?:whenever|when\s+you'?re\s+ready|if|only|up\s+for\s+the))",
        r"\byou\s+should\s+(?:switch|sign|buy|go\s+with\s+us|get\s+started|do\s+it|move)\b",
        r"\b(?:i'?ll|let\s+me|we'?ll)\s+(?:get|set)\s+(?:your|you)\s+(?:account|workspace|login|profile|seats?)"
        r"(?:\s+set)?\s+up\b|\b(?:i'?ll|let\s+me|we'?ll)\s+set\s+up\s+your\s+(?:account|workspace)\b",
        r"(?:^|[.!?]\s*)deal\s*\?",
        r"\bget\s+(?:the\s+ball|things|this)\s+(?:rolling|moving)\b",
        r"\blet'?s\s+(?:just\s+)?(?:finish|finali[sz]e|wrap)\s+(?:this|it|things)\b",
        r"\bjust\s+(?:jump\s+in|go\s+for\s+it|pull\s+the\s+trigger|commit|do\s+it)\b",
        r"\bwhich\s+(?:plan|package|tier|start\s+date|payment\s+(?:option|method))\b[^.?!]{0,30}\b(?:want"
        r"|like|go\s+with|works?\s+best|prefer)\b",
        r"\b(?:where|when)\s+(?:do|should|would)\s+you\s+like\s+to\s+sign\b",
        # Acting on a yes nobody gave: "I've already set up your account", "assuming a start on the
        # 1st", "all you need to do is log in", "we're good to go", "I'll have our tech set it up".
        r"\b(?:i'?ve|we'?ve|i\s+have|we\s+have)\s+(?:already\s+(?:gone\s+ahead\s+and\s+)?|gone\s+ahead"
        r"\s+and\s+)(?:set\s+up|created|opened|activated|provisioned|reserved|scheduled|booked"
        r"|ordered)\s+(?:your|you\s+an?)\b",
        r"\bassuming\s+(?:a|an|the|we|you)\s+(?:\w+\s+)?(?:start|go-?live|kick-?off|sign|move\s+forward"
        r"|go\s+ahead|launch)\b",
        r"\ball\s+(?:you\s+(?:need|have)\s+to\s+do|that'?s\s+left)\s+is\s+(?:sign|log\s+in|show\s+up"
        r"|click|approve|say\s+yes|initial|pay|put\s+down)\b",
        r"\b(?:and|so)\s+(?:we'?re|you'?re)\s+(?:all\s+)?good\s+to\s+go\b",
        r"\b(?:let'?s|i'?ll|we'?ll)\s+(?:just\s+)?get\s+you\s+(?:switched|moved|migrated|transferred"
        r"|live)\b",
        # "should I send the agreement now or after lunch?": either answer is a yes.
        r"\b(?:send|sign|email)\b[^.?!]{0,25}\b" + _PAPER + r"\b[^.?!]{0,20}\b(?:now|today|tonight"
        r"|this\s+\w+)\s+or\s+(?:after|later|tomorrow|first\s+thing|this|tonight|in\s+the)\b",
        r"\b(?:best|which|what)\s+card\b|\b(?:put|take)\s+(?:the|a|your)\s+deposit\b",
    ),
    Tactic.DISMISS_OBJECTION: (
        r"\b(?:that'?s|that\s+is|it'?s|this\s+is)\s+(?:just\s+|simply\s+)?(?:not\s+true|a\s+myth"
        r"|an\s+excuse|a\s+non-issue|nonsense|ridiculous|silly|non-negotiable|not\s+(?:really\s+)?"
        r"(?:an\s+issue|a\s+problem|a\s+concern))\b",
        r"\b(?:is|are)\s+(?:a\s+)?(?:myth|non-issue)\b",
        r"\bjust\s+an\s+excuse\b",
        r"\b(?:that|it)\s+(?:doesn'?t|won'?t)\s+(?:really\s+)?matter\b",
        r"\bdon'?t\s+(?:worry|overthink|stress)\b",
        r"\btrust\s+me\b",
        r"\b(?:you'?re|ur|your)\s+overthinking\b",
        r"\b(?:is|are)\s+(?:irrelevant|beside\s+the\s+point)\b",
        r"\blooking\s+at\s+(?:it|this)\s+(?:wrong|the\s+wrong\s+way)\b",
        r"\byou\s+(?:definitely|absolutely|really|totally)\s+need\s+(?:it|this|us)\b",
        r"\beveryone\s+knows\b|\bwhat\s+they\s+all\s+say\b|\bthey\s+all\s+say\s+that\b",
        r"\byou\s+just\s+don'?t\s+see\s+it\b",
        r"\b(?:is|are|'s)\s+(?:never|not|rarely)\s+the\s+(?:real\s+)?(?:reason|issue|problem)\b",
        r"\bnever\s+a\s+(?:right|good|perfect|better)\s+time\b",
        r"\bno-?brainer\b",
        r"\b(?:it'?s|that'?s|this\s+is)\s+(?:really\s+|actually\s+|honestly\s+)?not\s+(?:that\s+|so\s+|very\s+|even\s+)?"
        r"(?:complicated|hard|difficult|risky|bad|a\s+big\s+deal|an?\s+(?:issue|problem|concern))\b",
        r"\b(?:is|are)\s+(?:just\s+)?(?:relative|a\s+formality|overrated|no\s+big\s+deal|a\s+detail|a\s+non-?factor)\b",
        r"\b(?:don'?t|doesn'?t|haven'?t|hasn'?t)\s+(?:know|noticed|realized|realised|seen)\s+it\s+yet\b",
        r"\byou\s+and\s+i\s+both\s+know\b",
        r"\bquality\s+(?:isn'?t|is\s+not|doesn'?t\s+come)\s+cheap\b",
        r"\bjust\s+a\s+(?:polite\s+|nice\s+)?way\s+(?:of|to)\s+say(?:ing)?\b",
        r"\bthat'?s\s+the\s+problem\s+right\s+there\b",
        r"\bdon'?t\s+waste\s+your\s+time\b",
        r"\byou'?re\s+wasting\s+(?:money|time|your)\b",
        r"\bholding\s+you\s+back\b|\band\s+you\s+know\s+it\b",
        r"\bcan'?t\s+afford\s+to\s+(?:skip|miss|ignore|pass|wait)\b",
        r"\byou'?ll\s+be\s+(?:convinced|sold|hooked|blown\s+away)\b",
        r"\bfalse\s+economy\b",
        r"\b(?:isn'?t|aren'?t)\s+(?:convincing|clear|obvious)\s*\?",
        r"\b(?:price|cost|budget|money|timing)\s+(?:shouldn'?t|should\s+not|isn'?t|is\s+not)\s+(?:be\s+)?(?:the|a)"
        r"\s+(?:deciding|main|real|big)\s+(?:factor|issue|thing)\b",
        r"\bevery\s+(?:business|company|team|one|firm|practice|agency)\s+(?:needs|uses|wants)\s+(?:this|it|one)\b",
        r"\bnothing\s+to\s+worry\s+about\b|\blet'?s\s+move\s+on\b",
        r"\b(?:those|that|these|it'?s|they'?re)\s+(?:are\s+|is\s+)?(?:just\s+)?(?:lies|rumou?rs|fake)\b",
        r"\bignore\s+(?:them|that|those|it)\b",
        r"\b(?:say|says|tell|tells)\s+(?:otherwise|a\s+different\s+story)\b",
        r"\b(?:thinking|waiting|sleeping\s+on\s+it|talking\s+to\s+\w+)(?:\s+about\s+it)?\s+won'?t\s+change\b",
        r"(?:^|[.!?]\s+)(?:but\s+|so\s+)?(?:can'?t|won'?t|isn'?t)\s+(?:you|it)\b[^.?!]*\?",
        r"\bmoving\s+on\b",
        r"(?:^|[.!?]\s*)anyway\b",
        r"\bcome\s+on\b",
        r"\b(?:always|never)\s+(?:says?|said|comes|reads?|notices?|settles?\s+down"
        r"|is\s+great|do|does)\b",
        r"\b(?:everyone|everybody|most\s+people)\s+(?:says?|said)\s+(?:that|so)\b",
        r"\bmost\s+people\s+say\s+that\b",
        r"\byou\s+get\s+what\s+you\s+pay\s+for\b",
        r"\bcheap\s+for\s+a\s+reason\b",
        r"\byou\s+need\s+this\b",
        r"\byou'?ll\s+be\s+fine\b|\b(?:they|he|she)\s+(?:will|'?ll)\s+(?:adapt|be\s+fine)\b",
        r"\bcan'?t\s+afford\s+not\s+to\b|\bcan'?t\s+afford\s+not\b",
        r"\bwhat'?s\s+(?:there\s+)?(?:left\s+)?to\s+think\s+about\b(?!\s+for\s+you)",
        r"\bif\s+not\s+now,?\s+when\b",
        r"\b(?:is|are)\s+(?:garbage|useless|junk|a\s+joke|obsolete)\b",
        r"\b(?:isn'?t|is\s+not)\s+everything\b",
        r"\bisn'?t\s+great\b",
        r"\bjust\s+(?:going\s+to\s+)?slow\s+(?:things|you|it)\s+down\b",
        r"\bwon'?t\s+even\s+notice\b",
        r"\brubber-?stamp\b",
        r"\bnever\s+read\b",
        r"\b(?:the\s+)?value\s+is\s+obvious\b",
        r"\b(?:simply|just)\s+the\s+(?:new\s+)?price\b|\bnothing\s+i\s+can\s+do\b",
        r"\b(?:copying|copy)\s+us\b",
        r"\byou\s+won'?t\s+find\s+anything\s+better\b",
        r"\bnot\s+going\s+to\s+find\s+anyone\s+better\b",
        r"\bexactly\s+why\s+you'?re\s+stuck\b",
        r"\b(?:disruption|change)\s+is\s+temporary\b",
        r"\b(?:roadmaps|plans|budgets)\s+change\b",
        r"\bperfect\s+timing\b",
        r"\bit'?s\s+about\s+priorities\b",
        r"\bthat\s+was\s+(?:just\s+)?a\b[^.?!]{0,30}\bglitch\b",
        r"\b(?:skip|skipped)\s+the\s+legal\b",
        r"\bperiod\s*\.",
        # Shouted, so case matters here (the tables are otherwise case-blind).
        r"\b(?:is|are)\s+(?-i:NOT)\b",
        # More ways to brush a concern off: "price is never really the issue", "the timing is never
        # right", "you don't know what you're missing", "just a little jitters", "You will."
        r"\b(?:is|are|'s)\s+(?:never|not|rarely)\s+(?:really|actually|truly)\s+the\s+(?:real\s+)?"
        r"(?:reason|issue|problem)\b",
        r"\b(?:timing|time)\s+(?:is|will)\s+never\s+(?:be\s+)?(?:right|perfect|ideal|good)\b"
        r"|\bnever\s+(?:be|feel)\s+ready\b|\bnobody\s+(?:is\s+)?ever\s+(?:ready|sure)\b",
        r"\byou\s+(?:just\s+|really\s+|honestly\s+)?(?:don'?t|do\s+not)\s+know\s+what\s+(?:you'?re"
        r"\s+missing|you\s+need|you\s+want|'?s\s+good\s+for\s+you)\b",
        r"\byou'?re\s+not\s+(?:really\s+|actually\s+)?(?:doing\s+)?(?:fine|good|ok|okay)\b"
        r"(?!\s+(?:with|at|about|to))",
        r"\bjust\s+(?:a\s+(?:little\s+|bit\s+of\s+|case\s+of\s+)?)?(?:jitters|cold\s+feet|nerves)\b",
        r"\bwhat\s+is\s+there\s+(?:left\s+|really\s+)?to\s+think\s+(?:about|over)\b(?!\s+for\s+you)",
        r"\b(?:people|ppl|folks|most\s+people|those|buyers|clients|owners)\s+who\s+(?:\w+\s+){0,4}"
        r"never\s+(?:actually\s+|really\s+)?(?:do|call|come\s+back|buy|follow\s+through|get\s+around"
        r"|decide)\b",
        r"\bdeep\s+down\b",
        r"\b(?:you'?re|you\s+are|you'?d\s+be|you\s+would\s+be)\s+making\s+a\s+(?:\w+\s+)?mistake\b",
        r"(?:^|[.!?]\s+)(?:oh,?\s+|but\s+|yes,?\s+)?you\s+(?:definitely\s+|absolutely\s+|totally\s+"
        r"|really\s+|so\s+)?(?:do|will)\s*(?:[.!]|$)",
        r"\b(?:he'?s|she'?s|they'?re|(?:he|she)\s+is|they\s+are)\s+not\s+the\s+right\s+person\s+to\b",
    ),
    Tactic.PREMATURE_DISCOUNT: (
        r"(?:\$\s?[\d,.]+k?|\b\d+(?:\.\d+)?\s?%)\s+(?:off|discount|below)\b",
        r"\bdiscount(?:ed|s)?\b",
        r"\b(?:knock|shave|chop|take|cut)\w*\b[^.?!]{0,30}\boff\s+(?:the\s+|your\s+|that\s+)?"
        r"(?:price|bill|fee|fees|invoice|total|cost|rate|first|list|sticker|\$|\d)",
        r"\bknock\w*\b[^.?!]{0,20}\boff\b",
        r"\b\d+(?:\.\d+)?\s*(?:%|percent)\s+(?:off|discount|under|below|cheaper)\b",
        r"\bcome\s+in\s+(?:\$?[\d,.]+k?\s*(?:%|percent)?\s+)?(?:under|below|lower|cheaper)\b",
        r"\bsweeten\b",
        r"\b(?:i|we)\s+can\s+(?:do|get\s+you)\s+(?:a\s+)?better\s+(?:on\s+(?:the\s+)?)?(?:price|deal|number|rate)\b",
        r"\b(?:how\s+(?:does|about)|what\s+about)\s+(?:\$?[\d,.]+k?\s*(?:%|percent)|a\s+discount)",
        r"\bwork\s+something\s+out\s+on\s+(?:the\s+)?price\b",
        r"\bwhatever\s+(?:they|\w+)\s+(?:offer(?:ed|s)?|quote[sd]?|charge[sd]?)\b",
        # Waiving a fee is a discount unless it is traded for something ("if we spread...").
        r"\bwaiv(?:e|ing)\b(?![^.?!]*\bif\s+(?:we|you)\b)",
        r"\b(?:first|next|one)\s+(?:\w+\s+)?(?:month|months|year)'?s?\s+(?:is\s+|are\s+)?(?:on\s+us|free)\b",
        r"\bat\s+no\s+(?:extra\s+)?(?:charge|cost)\b",
        r"\b(?:beat|match|undercut)\s+(?:\w+'?s\s+)?(?:quote|price|offer|rate|bid)\b",
        r"\bcut\s+(?:it|the\s+price|the\s+fee|my\s+fee|your\s+price)\s+(?:by|to)\b",
        r"\b(?:drop|lower|reduce)\s+(?:the|my|our)\s+(?:price|fee|rate)\b",
        r"\bmatch\s+(?:it|that|their\s+(?:price|quote|offer)|the\s+price|any\s+price)\b",
        r"\bbeat\s+any\s+(?:price|quote|offer)\b",
        r"\bi'?ll\s+do\s+it\s+for\b",
        r"\blet'?s\s+do\s+\d+(?:\.\d+)?\s?%",
        r"\bspecial\s+(?:courtesy\s+)?(?:rate|price|pricing|deal)\b|\bcourtesy\s+rate\b",
        r"\bbelow\s+list\b",
        r"\bthrow\s+in\s+(?:an?\s+)?(?:extra|bonus|free)\b",
        r"\b(?:take|shave)\s+\$?[\d,]+\w*\s+off\b",
        r"\bsee\s+what\s+i\s+can\s+do\s+(?:for\s+you|on\s+(?:the\s+)?price)\b",
    ),
    Tactic.GUILT_SHAME: (
        r"\bdon'?t\s+you\s+(?:care|want|think\s+you\s+deserve)\b",
        r"\b(?:family|kids|team|employees|people)\s+(?:deserves?|(?:is|are)\s+counting\s+on)\b",
        r"\bletting\s+(?:them|your\s+\w+|everyone)\s+down\b",
        r"\b(?:smart|successful|serious)\s+(?:people|owners|companies|leaders|buyers)\s+(?:don'?t"
        r"|act|invest|start|move)\b",
        r"\bif\s+you\s+don'?t\s+invest\s+in\s+yourself\b",
        r"\byou\s+found\s+(?:the\s+)?money\s+for\b",
        r"\bnot\s+ready\s+for\s+success\b",
        r"\bdo\s+you\s+need\s+(?:his|her|their|someone'?s)\s+permission\b",
        r"\byou'?re\s+(?:better\s+than\s+this|an\s+adult)\b",
        r"\bstay(?:ing)?\s+stuck\b",
        r"\bimagine\s+where\s+you'?d\s+be\b",
        r"\bnobody\s+gets\s+promoted\b",
        r"(?:^|[.!?]\s+|,\s*)(?:but\s+|so\s+)?(?:do|don'?t)\s+you\s+(?:really\s+)?want\s+to\s+be\b",
        r"\byou'?d\s+be\s+crazy\b",
        r"\b(?:foolish|stupid|crazy|insane|naive|irresponsible|mad)\s+(?:not\s+to|to\s+(?:pass|wait|say\s+no"
        r"|ignore|walk\s+away))\b",
        r"\bhave\s+to\s+be\s+(?:crazy|foolish|mad|stupid|nuts)\b",
        r"\b(?:you'?re|you\s+are)\s+really\s+going\s+to\b",
        r"\blet\s+(?:your\s+)?competitors?\s+win\b",
        r"\bashamed\b|\bembarrassing\b",
        r"\bor\s+stay\s+(?:small|stuck|behind|where\s+you\s+are)\b",
        r"\bhold\s+your\s+hand\b",
        r"\bif\s+you\s+(?:were|really\s+were)\s+(?:serious|committed)\b",
        r"\byou'?d\s+have\s+(?:decided|signed|done\s+it|bought)\s+already\b",
        r"\byour\s+(?:team|family|kids|staff|people|business)\s+can'?t\s+afford\b",
        r"(?:^|[.!?]\s+)(?:but\s+|so\s+)?(?:don'?t|wouldn'?t|aren'?t|shouldn'?t)\s+you\b[^.?!]*\?",
        r"\bdo\s+you\s+really\s+want\s+to\b",
        r"\bloyal\s+or\s+successful\b",
        # "on your conscience", "are you going to be the one who...", "don't be that person",
        # "whether you're serious", "I've put hours into this proposal", "you're smarter than that".
        r"\bon\s+your\s+conscience\b",
        r"\b(?:are\s+you|do\s+you\s+want\s+to|you\s+don'?t\s+want\s+to)\s+(?:going\s+to\s+|gonna\s+)?"
        r"be\s+the\s+one\s+(?:to|who|that)\b",
        r"\bdon'?t\s+be\s+(?:that|the)\s+(?:person|guy|one|owner|company|business|broker|agent)\b",
        r"\byou\s+don'?t\s+want\s+to\s+be\s+(?:the\s+one|that\s+\w+|left|stuck|kicking)\b",
        r"\bwhether\s+you'?re\s+(?:really\s+|actually\s+)?(?:serious|committed)\b"
        r"|\bare\s+you\s+(?:really\s+)?serious\s*\?|\bif\s+you'?re\s+(?:really|truly)\s+(?:serious"
        r"|committed)\b",
        r"\bstuck\s+in\s+the\s+same\s+(?:place|spot|position|rut)\b",
        r"\bi'?ve\s+(?:put|poured|invested|spent)\s+(?:\w+\s+){0,3}?(?:hours|time|work|effort|weeks"
        r"|days)(?:\s+of\s+(?:work|effort|my\s+time))?\s+(?:into|on)\s+(?:this|your|the\s+(?:proposal"
        r"|quote|deck|plan|deal))\b",
        r"\b(?:work|effort|time)\s+(?:to\s+)?go(?:es)?\s+to\s+waste\b",
        r"\b(?:a\s+)?grown\s+(?:woman|man|adult)\b",
        r"\byou'?re\s+(?:so\s+much\s+|way\s+|much\s+)?(?:smarter|better)\s+than\s+that\b",
        r"\byou'?d\s+already\s+(?:have|be)\b",
        r"\bafter\s+(?:everything|all)\s+(?:i'?ve|we'?ve|i\s+have|we\s+have)\s+done\b",
        r"\b(?:hit|make|close\s+out)\s+my\s+(?:quota|number|numbers|target)\b",
        r"\byou\s+(?:promised|said\s+you\s+would|gave\s+me\s+your\s+word)\b",
    ),
    Tactic.FEAR_FUD: (
        r"\b(?:you'?ll|you\s+will|you'?re\s+going\s+to)\s+(?:get\s+|be\s+)?(?:breached"
        r"|hacked|sued|wiped\s+out|left\s+behind)\b",
        r"\bout\s+of\s+business\b",
        r"\bsinking\s+ship\b|\bbankrupt\w*\b|\bgo(?:ing)?\s+broke\b|\btoo\s+late\b",
        r"\bend\s+up\s+(?:bankrupt|broke|losing|regretting|stuck|paying\s+more)\b",
        r"\b(?:support|service|product|security|platform|software|team|quality)\s+is\s+(?:terrible|awful"
        r"|horrible|a\s+disaster|a\s+nightmare|a\s+mess)\b",
        r"\b(?:you'?ll|you\s+will)\s+be\s+stuck\b|\bstuck\s+on\s+hold\b",
        r"\b(?:rip|ripping)\s+you\s+off\b|\b(?:scam|burn|fleece)\s+you\b",
        r"\b(?:disaster|accident)\s+waiting\s+to\s+happen\b",
        r"\buntil\s+it\s+(?:crashes|breaks|fails|goes\s+down)\b|\byou(?:'ll)?\s+lose\s+(?:the\s+whole|everything|all\s+of)\b",
        r"\b(?:hit|hurt)\s+(?:the\s+)?hardest\b",
        r"\bhead\s+start\s+on\s+you\b|\bcompetitors?\s+(?:will|are\s+going\s+to)\s+(?:take|win|steal)\b",
        r"\b(?:you'?ll|you\s+will|you'?re\s+going\s+to)\s+(?:be\s+|get\s+)?(?:fined|penali[sz]ed|shut\s+down)\b",
        r"\b(?:amateurs|cowboys|clowns|hacks|crooks|rookies|charlatans)\b",
        r"\b(?:they'?ll|they\s+will|they'?re\s+going\s+to)\s+(?:hike|raise|jack\s+up|double)\s+(?:the\s+|their\s+|your\s+)?prices?\b",
        r"\babout\s+to\s+(?:get\s+acquired|go\s+bust|shut\s+down|be\s+sunset|fold)\b",
        r"\bcosting\s+you\s+(?:a\s+fortune|a\s+bomb|thousands|a\s+lot)\b|\bbleeding\s+(?:money|cash)\b",
        r"\b(?:you'?re|you\s+are|you'?ll|you\s+will)\s+(?:be\s+)?fall(?:ing)?\s+behind\b"
        r"|\bfall(?:ing)?\s+behind\s+(?:everyone|your\s+competitors|the\s+competition)\b",
        r"\bleft\s+behind\b",
        r"\beat\s+your\s+lunch\b",
        r"\b(?:matter\s+of\s+time)\b",
        r"\byou'?ll\s+regret\b|\bregretted\s+it\b",
        r"\b(?:leave|leaving)\s+(?:thousands|money|\$[\d,]+k?)\s+on\s+the\s+table\b",
        r"\bnext\s+headline\b",
        r"\bcompetitors?\s+will\s+(?:beat|eat|crush|pass|bury|steal)\b",
        r"\b(?:be\s+)?the\s+one\s+blamed\b",
        r"\bfail\s+\d+\s?%\s+of\s+the\s+time\b",
        r"\bholding\s+the\s+bag\b",
        r"\bticket\s+number\b|\bsmall\s+fish\b|\bforget\s+you\s+exist\b",
        r"\bnickel-and-dime\b",
        r"\byou'?ll\s+(?:waste|lose|overpay)\b",
        r"\blosing\s+value\b",
        r"\bunder\s+investigation\b|\bjumping\s+ship\b",
        r"\bbreaches\s+they\b",
        r"\b(?:ransomware|hackers?)\s+(?:doesn'?t|don'?t|won'?t)\s+wait\b",
        r"\bmissing\s+out\s+big\b",
        # Ruin and rivals in other words: "one breach away from losing everything", "I've seen it
        # happen", "closing their doors", "they're being acquired", "those cheap ones are scams".
        r"\bone\s+(?:\w+\s+){1,2}away\s+from\s+(?:losing|disaster|ruin|bankruptcy|going\s+under"
        r"|closing|shutting|a\s+(?:lawsuit|breach|disaster|catastrophe))\b",
        r"\b(?:lose|losing|lost)\s+(?:everything|it\s+all)\b",
        r"\b(?:i'?ve|we'?ve)\s+seen\s+(?:it|this|that)\s+(?:happen\s+to|ruin|sink|destroy|kill)\b",
        r"\b(?:it'?s|it\s+is|that'?s)\s+not\s+pretty\s*(?:[.!,]|$)",
        r"\bclos(?:e|es|ing|ed)\s+(?:their|its|your|the)\s+doors\b"
        r"|\bgo(?:es|ing)?\s+under\b(?!\s+(?:budget|the\s+(?:budget|cap|limit)|\$|\d))",
        r"\b(?:hate\s+for|don'?t\s+want)\s+(?:you|yours|your\s+\w+)\s+to\s+be\s+(?:the\s+)?next\b",
        r"\b(?:companies|businesses|firms|people|owners|agencies|practices|brokers)\s+(?:that|who)\s+"
        r"(?:refuse|fail|don'?t|won'?t|didn'?t)\s+(?:to\s+)?(?:change|adapt|act|invest|upgrade"
        r"|modernize|move)\b",
        r"\b(?:they'?re|they\s+are|they'?ve|they\s+have)\s+(?:being|getting|been)\s+(?:acquired"
        r"|bought\s+out|sold)\b|\b(?:will|'ll)\s+even\s+(?:exist|be\s+around)\b",
        r"\b(?:funding|money|cash)\s+(?:ran|has\s+run|is\s+running)\s+out\b",
        r"\b(?:you'?re|you\s+are|you'?d\s+be|you\s+would\s+be)\s+risking\s+(?:your|the)\s+(?:whole"
        r"|entire|business|company|launch|future|reputation|livelihood)\b",
        r"\b(?:leave|leaving|left)\s+(?:a\s+lot\s+of|so\s+much|tons\s+of)\s+(?:money|cash)\s+on\s+the"
        r"\s+table\b|\blose\s+(?:tens|hundreds)\s+of\s+thousands\b",
        r"\b(?:they'?re|they\s+are|those|these|cheap\s+\w+)\s+(?:are\s+|is\s+)?(?:basically\s+|just\s+"
        r"|all\s+)?(?:a\s+)?(?:scams?|junk|garbage|rip-?offs?)\b",
    ),
    Tactic.OVERPROMISE: (
        r"\bguarantee(?:d|s)?\b",
        r"\b(?:zero|no)\s+risk\b",
        r"\brisk[- ]free\b",
        r"\bno\s+downside\b|\bzero\s+downside\b",
        r"\b100\s?%\s+(?:guaranteed|success|satisfaction|of\s+(?:our\s+)?(?:clients|customers))\b",
        r"\b(?:double|triple|quadruple|10x|5x|3x|2x)\s+your\b",
        r"\bworks\s+for\s+everyone\b",
        r"\bevery\s+single\s+one\b",
        r"\byou\s+will\s+too\b",
        r"\b(?:can'?t|cannot|won'?t|will\s+never)\s+(?:possibly\s+)?(?:fail|go\s+wrong|lose)\b",
        r"\byou'?ll\s+never\s+(?:see|have|lose|worry)\b",
        r"\bmoney\s+back\b",
        r"\bbest\s+(?:\w+\s+)?in\s+the\s+(?:industry|world|business|country|market)\b",
        r"\byou\s+won'?t\s+find\s+anyone\s+better\b",
        r"\bi\s+promise\s+you\b",
        r"\b100\s*(?:%|percent)(?!\s+of\s+(?:the\s+)?(?:price|cost|fee))",
        r"\bworks?\b[^.?!]{0,20}\bevery\s+(?:single\s+)?time\b",
        r"\b(?:we|i)\s+promise\s+(?:results|you|that|it|you'?ll)\b",
        r"\bwork\s+for\s+free\s+until\b",
        r"\bwithout\s+fail\b|\bevery\s+(?:single\s+)?one\s+of\s+(?:them|our|my)\b",
        r"\bnever\s+(?:had|lost)\s+an?\s+(?:unhappy|dissatisfied|single|failed)\b",
        r"\bno\s+doubt\s+about\s+it\b|\b(?:will|we'?ll)\s+be\s+the\s+(?:biggest|best|number\s+one|#1|leader)\b",
        r"(?:^|[.!?]\s*)ever\s*[.!]",
    ),
    Tactic.BYPASS_AUTHORITY: (
        r"\b(?:give\s+me|what'?s|send\s+me)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:\w+'?s\s+)?"
        r"(?:email|number|calendar|cell|mobile)\b",
        r"\b(?:ratify|approve|sign\s+off\s+on|rubber-?stamp)\s+(?:it|this|that)\s+(?:after|later|afterwards)\b",
        r"\bi'?d\s+rather\s+(?:pitch|call|talk\s+to|speak\s+to|meet)\s+(?:him|her|them)\s+(?:myself|directly)\b",
        r"\b(?:i'?ll|let\s+me|i\s+can)\s+(?:just\s+)?(?:pitch|call|email|contact|reach\s+out\s+to"
        r"|talk\s+to|book\s+the\s+demo\s+with)\s+(?:her|him|them|your\s+\w+)\s+(?:myself|directly)\b",
        r"\b(?:i'?ll|let\s+me)\s+(?:just\s+)?(?:call|talk\s+to|email|go\s+to)\s+(?:him|her|them)?\s*"
        r"directly\b",
        r"\b(?:talk|speak)\s+(?:to|with)\s+your\s+(?:ceo|cto|cfo|coo|boss|owner|director|vp|founder)\b",
        r"\b(?:sign|decide|make\s+(?:this|the)\s+call)\s+(?:it\s+)?(?:yourself|on\s+your\s+own"
        r"|for\s+yourself)\b",
        r"\btell\s+(?:her|him|them)\s+(?:after|later|afterwards)\b",
        r"\b(?:don'?t|doesn'?t)\s+need\s+(?:his|her|their)\s+(?:approval|permission|sign-?off)\b",
        r"\bskip\s+(?:the\s+)?(?:legal|middle|approval|review|committee)\b",
        r"\bgo\s+(?:over|around)\s+(?:their|his|her|your\s+\w+'?s?)\s+head\b",
        r"\bask\s+(?:for\s+)?forgiveness\b",
        r"\bgo\s+around\s+(?:him|her|them|your\s+\w+)\b",
        r"\b(?:call|ring|phone|email)\s+your\s+(?:\w+\s+)?(?:partner|boss|ceo|cfo|manager|wife|husband|director|owner)"
        r"\b[^.?!]{0,30}\b(?:myself|right\s+now|directly)\b",
        r"\b(?:boss|manager|ceo|cfo|partner|wife|husband|board|team)\s+will\s+thank\s+you\b",
        r"\bcan'?t\s+you\s+just\s+(?:sign|approve|decide)\b",
        r"\bput\s+me\s+through\s+to\b",
        r"\bwhy\s+am\s+i\s+(?:even\s+)?talking\s+to\s+you\b",
        r"\bjust\s+install\s+it\b",
        r"\bit'?s\s+your\s+\w+,\s+not\s+(?:theirs|his|hers)\b",
        r"\bgo\s+ahead\s+and\s+sign\s+and\s+(?:she|he|they)'?ll\b",
        # "cc their boss", "push it through", "skip that step", "approve it from the top", "the one
        # who calls the shots", "add them to the contract later", "keep your manager out of it".
        r"\b(?:cc|bcc|copy|loop\s+in)\s+(?:in\s+)?(?:their|his|her|your\s+\w+'?s)\s+(?:boss|manager|ceo"
        r"|vp|director|superior|supervisor|owner)\b",
        r"\bjust\s+push\s+(?:it|this|that)\s+through\b|\bpush\s+(?:it|this|that)\s+through\s+(?:yourself"
        r"|anyway|without)\b",
        r"\bskip\s+(?:that|this|the)\s+(?:approval|review|sign-?off|committee|legal)\b",
        r"\b(?:approve|sign\s+off\s+on|push)\s+(?:it|this|that)\s+(?:through\s+)?from\s+the\s+top\b",
        r"\byou'?re\s+(?:obviously\s+|clearly\s+|really\s+)?(?:the\s+one\s+who\s+)?(?:calls?\s+the"
        r"\s+shots|the\s+(?:real\s+)?decision[- ]maker)\b",
        r"\bjust\s+(?:tell|add|loop\s+in|inform|let|cc)\s+(?:her|him|them|the\s+others)\s+(?:\w+\s+){0,3}"
        r"(?:later|after(?:wards)?|after\s+the\s+fact)\b",
        r"\b(?:keep|leave)\s+(?:your|the|him|her|them)\s+(?:\w+\s+)?out\s+of\s+(?:it|this|the\s+loop)\b",
        r"\b(?:they|he|she)\s+(?:don'?t|doesn'?t)\s+(?:even\s+)?need\s+to\s+know\b",
    ),
}

# Pressure in polite words: the families a listening phrase in front does not
# cancel. Social proof used to rush, going around the decision maker, guilt and
# obligation, leading questions, fear, and the buyer's own words turned into a
# close; and the scarcity and countdown wording of shop pages.
_POLITE_PRESSURE: dict[Tactic, tuple[str, ...]] = {
    Tactic.FALSE_URGENCY: (
        r"\bmost\s+(?:\w+\s+){0,3}in\s+your\s+(?:position|shoes|situation|spot)\s+(?:just\s+)?"
        r"(?:sign|buy|go\s+ahead|lock|commit|move|start)\b",
        r"\b(?:most|nearly\s+all|nearly\s+every\s+one|all)\s+(?:of\s+)?(?:them|our\s+\w+|\w+s)\s+"
        r"(?:locked\s+in|signed(?:\s+up)?|committed|moved|bought)\s+(?:this|last)\s+(?:month|week|quarter)\b",
        r"\b(?:another|other)\s+(?:buyers?|bidders?|clients?|companies|offers?)\s+(?:is\s+|are\s+)?"
        r"(?:walking|looking\s+at|viewing|coming|circling|interested|lined\s+up)\b",
        r"\bi'?d\s+(?:move|act|decide|sign)\s+(?:today|now|fast|quickly|this\s+week)\b",
        r"\bif\s+you\s+don'?t\s+(?:grab|take|lock|sign|book|claim)\s+(?:\w+\s+){0,3}"
        r"(?:today|now|tonight|this\s+week)\b",
        r"\b(?:it|the\s+\w+|this\s+\w+)\s+(?:is|'s|will\s+be)\s+gone\s+(?:by|after|tomorrow|soon|on)\b",
        r"\brate\s+(?:won'?t|doesn'?t)\s+last\b|\bwon'?t\s+last\s+(?:long|past|beyond)\b",
        r"\bwindow\s+(?:closes|is\s+closing|shuts)\b",
        r"\bonly\s+(?:\d+|one|two|three|a\s+few|a\s+couple(?:\s+of)?)\s+(?:\w+\s+)?"
        r"(?:left|remaining|in\s+stock|spots?|slots?|seats?|places?|units?)\b",
        r"\b(?:selling|going)\s+(?:out\s+)?fast\b|\balmost\s+(?:gone|sold\s+out)\b"
        r"|\bsold\s+out\s+soon\b|\blow\s+(?:in\s+)?stock\b|\bin\s+high\s+demand\b",
        r"\bhurry\b|\blast\s+chance\b|\blimited[-\s]time\b|\bact\s+(?:now|fast|quickly)\b",
        r"\b(?:offer|deal|sale|price|discount|promo(?:tion)?|code)\s+(?:ends|expires|ending)\b",
        r"\bends\s+(?:in\s+\d|tonight|today|at\s+midnight)\b|\b\d{1,2}:\d{2}:\d{2}\b",
        r"\b\d+\s+(?:other\s+)?(?:people|others|shoppers|customers|users|buyers)\s+(?:are\s+|have\s+)?"
        r"(?:viewing|looking\s+at|watching|bought|purchased|booked|in\s+their\s+carts?)\b",
        r"\b(?:just|recently)\s+(?:bought|purchased|booked)\s+(?:this|one)\b",
    ),
    Tactic.BYPASS_AUTHORITY: (
        r"\bmake\s+the\s+case\s+to\s+you\b",
        r"\b(?:i|we)\s+(?:go|went|reach\s+out|talk|speak)\s+(?:straight|directly|right)\s+to\s+your\b",
        r"\b(?:what\s+if|how\s+about\s+if|why\s+don'?t)\s+(?:i|we)\s+(?:just\s+)?(?:go|went|talk|speak|reach\s+out)"
        r"\s+(?:straight\s+|directly\s+)?(?:to|with)\s+your\s+(?:managing\s+partner|ceo|boss|director|vp"
        r"|cfo|coo|owner|partners?|board|ops|operations|team|wife|husband|manager|head|chair)\b",
        r"\b(?:just\s+)?(?:get|grab|have)\s+(?:\d+|ten|fifteen|five|a\s+few)\s+minutes\s+with\s+your\s+"
        r"(?:ceo|boss|director|vp|cfo|coo|owner|board|managing\s+partner|chair)\b",
        r"\bthe\s+top\s+is\s+(?:already\s+)?on\s+board\b",
        r"\bexplain\s+it\s+better\s+than\s+you\b",
        r"\bso\s+(?:he|she|they)\s+can\s+just\s+(?:approve|sign)\b",
        r"\blet\s+(?:him|her|them)\s+know\s+you'?re\s+on\s+board\b",
        r"\bget\s+(?:her|him|them)\s+on\s+the\s+phone\s+(?:right\s+)?now\b",
        r"\bsaves?\s+you\s+the\s+hassle\s+of\s+(?:relaying|explaining|passing)\b",
        r"\b(?:over|around)\s+your\s+head\b|\bgo\s+around\s+you\b",
    ),
    Tactic.GUILT_SHAME: (
        r"\b(?:after|given)\s+(?:all\s+)?(?:the\s+)?(?:time|hours|work|effort|weeks|days)\s+"
        r"(?:i|we|my\s+team|our\s+\w+)\s+(?:put|spent|invested|poured)\b",
        r"\b(?:my\s+team|we|i)\s+(?:put|spent|invested|poured)\s+(?:\w+\s+){0,3}"
        r"(?:weeks|days|hours|months|time|effort|work)\s+(?:into|on|building)\b",
        r"\b(?:it'?d|it\s+would)\s+be\s+a\s+(?:real\s+)?shame\b|\bgo\s+to\s+waste\b",
        r"\b(?:leave|left)\s+me\s+hanging\b|\blet\s+me\s+down\b|\bmake\s+me\s+walk\s+(?:that|it)\s+back\b",
        r"\bi\s+(?:went\s+to\s+bat|stuck\s+my\s+neck\s+out|already\s+told\s+my)\b",
        r"\bwe'?ve\s+earned\s+(?:a\s+(?:bit|little)\s+of\s+)?(?:your\s+)?(?:trust|business)\b",
        r"\b(?:not|isn'?t)\s+(?:really\s+)?fair\s+to\s+your\b",
        r"\byou'?d\s+be\s+(?:foolish|crazy|silly|mad|nuts|insane|daft)\b",
        r"\bkick\s+yourself\b",
        r"\bi'?d\s+(?:just\s+)?hate\s+for\s+you\s+to\s+be\s+the\s+one\b",
        r"\bexplaining\s+to\s+(?:the\s+board|your\s+\w+)\s+why\b",
        r"\bno\s+thanks,?\s+i\s+(?:don'?t|do\s+not)\s+(?:want|like|need|care)\b",
        r"\bi\s+(?:prefer|like)\s+(?:paying|to\s+pay)\s+full\s+price\b",
    ),
    Tactic.FEAR_FUD: (
        r"\bend(?:s|ed)?\s+up\s+in\s+the\s+(?:\w+\s+)?headlines\b|\bbreach\s+headlines\b",
        r"\bright\s+before\s+(?:\w+\s+){1,3}(?:buries|crushes|sinks|swamps|hits)\b",
        r"\bwhat\s+happened\s+to\s+their\s+(?:\w+\s+){0,3}customers\b|\bi'?ll\s+leave\s+it\s+at\s+that\b",
        r"\b(?:burning\s+through|running\s+out\s+of)\s+(?:borrowed\s+|their\s+)?(?:money|cash)\b",
        r"\bcould\s+(?:vanish|disappear|fold|go\s+under)\b|\bwon'?t\s+be\s+around\b",
        r"\brisk\s+your\s+(?:family|business|livelihood|reputation|job|career|company)\b",
        r"\bthe\s+last\s+one\s+(?:still\s+)?(?:on|using|standing|left)\b",
        r"\bbe\s+the\s+one\s+explaining\b",
    ),
    Tactic.ASSUMPTIVE_CLOSE: (
        r"\bshould\s+i\s+make\s+(?:the|it)\s+(?:\w+\s+){0,2}out\s+to\b",
        r"\bshall\s+i\s+send\s+(?:over\s+)?the\s+(?:agreement|contract|paperwork|order\s+form|invoice)\b",
        r"\bget\s+the\s+(?:agreement|contract|paperwork)\s+signed\b",
        r"\blet'?s\s+kick\s+off\b|\bkick\s+off\s+onboarding\b",
        r"\bwhich\s+(?:one|option|plan)\s+do\s+you\s+want\s+to\s+start\b",
        r"\breserve[ds]?\s+your\s+(?:spot|seat|place|slot)\b|\bwent\s+ahead\s+and\s+(?:reserved|booked|sent)\b",
        r"\bi'?m\s+sending\s+(?:you\s+)?the\s+(?:contract|agreement|paperwork)\b",
        r"\bthen\s+i'?m\s+your\s+(?:agent|guy|person|partner)\b",
        r"\bsort\s+(?:the\s+|out\s+the\s+)?(?:details|budget|rest|paperwork)\s+(?:out\s+)?(?:later|after)\b",
        r"\b(?:you\s+do|you)\s+want\s+(?:\w+\s+){1,8}(?:don'?t|do\s+n't)\s+you\b",
        r",\s*(?:wouldn'?t|don'?t|won'?t|isn'?t|aren'?t|doesn'?t|shouldn'?t|can'?t)\s+(?:you|it|they|we)\s*\?",
        r"\byes\?\s+(?:\w+\s+){1,12}yes\?",
        r"\byou\s+(?:said|told\s+me)\s+(?:it\s+)?yourself\b",
    ),
    Tactic.PREMATURE_DISCOUNT: (
        r"\b(?:drop|knock|bring|take|cut)\s+(?:it|that|the\s+price|the\s+fee)\s+(?:down\s+)?to\s+\$?\d",
        r"\bi\s+can\s+do\s+\$?\d[\d,.]*\s*k?\s+instead\s+of\b",
        r"\bjust\s+for\s+you\b|\bthat'?s\s+a\s+steal\b",
    ),
    Tactic.DISMISS_OBJECTION: (
        r"\bsleep\s+on\s+it\s+one\s+more\b|\bwrong\s+answer\b|\blet'?s\s+try\s+that\s+again\b",
        r"\bis\s+what\s+every\s+\w+(?:\s+\w+)?\s+says\b|\bwhat\s+every\s+\w+\s+(?:says|said)\s+right\s+before\b",
        r"\b(?:decks|emails|brochures|proposals)\s+are\s+a\s+waste\b|\bis\s+a\s+waste\s+of\s+(?:your\s+)?time\b",
    ),
}
for _tactic, _extra in _POLITE_PRESSURE.items():
    TACTIC_PATTERNS[_tactic] = TACTIC_PATTERNS.get(_tactic, ()) + _extra


PHRASES = PhraseBook(TACTIC_PATTERNS)

# A timing fact that is pressure only when nothing consultative follows it:
# "pricing goes up in January ... what does your timeline look like?" is honest.
SOFT_URGENCY = _compile(
    (
        r"\b(?:price|prices|pricing|list\s+prices?|rates?|fees?)\b[^.?!]{0,30}\b(?:go(?:es|ing)?\s+up"
        r"|increases?|rises?|changes?|doubles?)\b",
        r"\b(?:cohort|program|class|enrollment|offer|promo|deal|proposal)\b[^.?!]{0,30}\b(?:capped"
        r"|limited|closes|ends|expires)\b",
        r"\b\d+\s+(?:of\s+\d+\s+)?(?:spots|seats|slots)\s+(?:are\s+)?taken\b",
    )
)

# --- questions -------------------------------------------------------------

# Sentences, keeping offsets; a dot inside "3.2" or "a.m." does not end one.
SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\w))+[.!?]*")
# A last clause without "?" that still asks ("..., would that work for you").
TRAILING_QUESTION = re.compile(
    r"(?:^|[,;:]|\s-\s|\s—\s)\s*((?:would|could|can|should|shall|is|are|do|does|did|will|have|has"
    r"|what|whats|how|hows|why|which|when|where|who|want)\b[^,;:]*)$",
    _FLAGS,
)
# Where the asking part of a question sentence begins: "Pricing goes up in
# January, that's our yearly change - what does your timeline look like?"
QUESTION_CLAUSE = re.compile(
    r"(?:^|[,;:]\s*|\s[-—–]+\s*)\W*((?:and\s+|but\s+|so\s+)?(?:what|whats|how|hows|why|which"
    r"|when|where|who|would|could|can|should|shall|is|are|do|does|did|will|have|has)\b)",
    _FLAGS,
)
# Asking in the imperative: "tell me more", "help me understand...".
OPEN_PROMPT = _compile(
    (
        r"\b(?:tell|show)\s+me\s+(?:more|about|how|what|why|a\s+bit)\b",
        r"\bhelp\s+me\s+understand\b",
        r"\b(?:walk|talk)\s+me\s+through\b",
        r"\bsay\s+more\s+about\b",
        r"\bi'?m\s+curious\s+(?:about|what|how|why|whether)\b",
        r"\bi'?d\s+(?:love|like)\s+to\s+(?:hear|understand|know|learn)\b",
    )
)
WH_START = re.compile(r"^\W*(?:what|whats|how|hows|why|which|when|where|who)\b", _FLAGS)
WORD = re.compile(r"[\w']+")

# Questions that do not really ask: tags, negative openers, pitches in disguise.
RHETORICAL_QUESTION = _compile(
    (
        r"^\W*(?:but\s+|and\s+|so\s+)?(?:don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|isn'?t|aren'?t"
        r"|shouldn'?t|can'?t|couldn'?t)\s+(?:you|they|we|it|that|he|she)\b",
        r",\s*(?:right|isn'?t\s+it|is\s+it|don'?t\s+you|can\s+you|won'?t\s+you|wouldn'?t\s+you"
        r"|aren'?t\s+you|yeah|no)\s*\??\s*$",
        r"\bsurely\b",
        r"\bwhat\s+if\s+i\b",
        r"\bwhat\s+are\s+you\s+waiting\s+for\b",
        r"\bdeal\s*\?\s*$",
        r"\b(?:do|did|would)\s+you\s+really\b",
        r"^\W*(?:you\s+)?really\b",
        r"\bwant\s+to\s+be\s+the\s+next\b",
        r"\bhave\s+you\s+(?:even\s+)?considered\s+that\b",
        r"^\W*(?:are|r)\s+(?:you|u)\s+(?:absolutely\s+|really\s+|completely\s+)?(?:sure|certain"
        r"|serious)\b",
        r"^\W*(?:you'?re|you\s+are)\s+(?:really|seriously)\b",
    )
)
# Friendly chit-chat questions: polite, but they explore nothing.
SMALL_TALK_QUESTION = _compile(
    (
        r"\bhow(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:your|the)\s+(?:week|weekend|day|morning|trip"
        r"|holiday|holidays|vacation|flight|drive|family|kids|conference|game|weather)\b",
        r"\bhow\s+(?:are|were)\s+you(?:\s+doing)?\s*\??\s*$",
        r"\bdid\s+you\s+(?:make\s+it|get)\s+(?:in|here|home|back|through)\b",
        r"\b(?:weather|snow|rain|traffic)\b",
    )
)
CLARIFY_ROOT_CAUSE = _compile(
    (
        r"\bis\s+(?:it|this|that|the\s+(?:worry|concern|issue|problem|hesitation))\b[^?.!]{0,80}?\bor\b",
        r"\bwhen\s+you\s+say\b",
        r"\bwhat'?s\s+(?:really\s+)?(?:behind|driving|underneath)\b",
        r"\bwhat\s+happened\b",
        r"\bwhat\s+(?:made|makes)\s+you\s+(?:say|feel|think|lean|decide|hesitate)\b",
        r"\bcompared\s+(?:to|with)\s+what\b",
        r"\bis\s+there\s+(?:something|anything)\s+(?:else|about|specific|in\s+particular"
        r"|that(?:'s|\s+is)\s+(?:not|bothering|holding))\b",
        r"\b(?:what|which)\s+part\b",
        r"\breal\s+(?:concern|worry|issue|reason)\b",
        r"\bworry\s+(?:is\s+)?more\s+about\b",
        r"\bcan\s+you\s+tell\s+me\s+what\b",
    )
)

# --- context ---------------------------------------------------------------

# The buyer's line was a clear no.
BUYER_DECLINE = _compile(
    (
        r"\bnot\s+interested\b",
        r"^\W*no\b(?!\s+(?:problem|worries|rush|idea))",
        r"\bno,?\s+thank(?:s|\s+you)\b",
        r"\bnot\s+for\s+(?:me|us)\b",
        r"\b(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:going\s+to\s+|gonna\s+)?pass\b",
        r"\b(?:we'?ll|i'?ll)\s+pass\b|\bpass\s+on\s+(?:this|it)\b",
        r"\bdecided\s+(?:not\s+to|to\s+go\s+(?:with|another)|to\s+(?:stay|stick|keep))\b",
        r"\banother\s+direction\b",
        r"\bnot\s+(?:going\s+to|gonna)\s+(?:move\s+forward|go\s+ahead|proceed|buy|do\s+(?:it|this))\b",
        r"\b(?:it'?s|that'?s)\s+a\s+(?:no|hard\s+no)\b|\ba\s+no\s+(?:from|for)\b",
        r"\bnot\s+moving\s+forward\b|\bdecline\b|\bdon'?t\s+want\s+(?:it|this)\b",
        r"\b(?:we'?ll|we\s+will|i'?ll|we'?re|i'?m|we\s+are)\s+(?:going\s+to\s+|gonna\s+|just\s+)?"
        r"(?:stick|stay|go|going)\s+with\s+(?:the\s+other|another|our\s+current|our\s+existing|them"
        r"|what\s+we\s+(?:have|know))\b",
        r"^\W*(?:i|we)\s+(?:already\s+)?(?:told\s+you|said)\b[^.?!]{0,40}(?:\b(?:no|not|think|wait"
        r"|pass)\b|n'?t\b)",
        r"\bnot\s+doing\s+anything\b",
    )
)
# After a no, these keep pushing rather than accept or ask.
PUSH_MARKER = _compile(
    (
        r"\bbut\b(?!\s+(?:can|could|may)\s+i\s+ask)",
        r"\bwhat\s+if\s+i\s+(?:could|can|were\s+to)\b",
        r"\bjust\s+(?:hear\s+me|try|take|one\s+more|\d+|let\s+me|sign|do)\b",
        r"\bcome\s+on\b",
        r"\byou\s+haven'?t\s+(?:even\s+)?(?:heard|seen|tried)\b",
        r"\bhear\s+me\s+out\b",
        r"\bmistake\b",
        r"\bat\s+least\b",
        r"\bso\s+close\b",
        r"\bwon'?t\s+regret\b",
        r"\bsurely\b",
        r"\bone\s+(?:last|more)\b",
        r"\bbefore\s+you\s+(?:say\s+no|decide|go|do\s+that|sign|commit|make)\b",
        r"\bgive\s+me\s+(?:\w+\s+)?(?:more\s+)?(?:minutes?|mins?|hours?|hrs|days?|chance|shot|try)\b",
        r"\bdon'?t\s+sign\s+(?:anything|with\s+them|yet|it)\b|\bhold\s+off\s+on\s+signing\b",
        r"\b(?:let\s+me|i'?ll)\s+(?:talk|speak|check)\s+(?:to|with)\s+my\s+(?:manager|boss|director|vp"
        r"|sales\s+manager)\b",
        r"\bthe\s+best\s+part\b",
        r"\bwe\s+also\s+(?:include|offer|have|throw)\b",
        r"\bare\s+you\s+(?:absolutely\s+|really\s+|completely\s+)?(?:sure|certain)\b",
        r"\banyway\b",
        r"\bjust\s+send\b",
        r"\blet\s+me\s+(?:offer|show|explain|tell)\b",
        r"\bnot\s+\w+\s+yet\b|\byou'?ll\s+be\s+(?:calling|begging|back)\b",
    )
)

# A monologue is a long pitch; this many words without a question or any sign
# of listening.
MONOLOGUE_MIN_WORDS = 90
