"""Demo articles, written by the team for the demo only (not copied from any publication)."""

LYSYCHANSK = {
    "title": "Kremlin says its troops hold Lysychansk; Kyiv says the fight goes on",
    "url": "https://demo.example/news/lysychansk-standoff",
    "outlet": "Demo Wire",
    "published_on": "2022-07-03",
    "text": """Russia's Defense Ministry announced on Sunday that its forces had taken full control of Lysychansk, the last large city in the Luhansk region still held by Ukraine.

In a statement published on its Telegram channel, the ministry said Russian units and allied separatist fighters had also seized several villages around the city.

Defence Minister Sergei Shoigu reported to President Vladimir Putin that "the liberation of the Luhansk People's Republic is complete," according to the ministry.

Ukrainian officials disputed the account. A spokesman for the Ukrainian General Staff said on Sunday morning that Ukrainian troops were still defending Lysychansk and that fighting continued on the outskirts.

Luhansk governor Serhiy Haidai said Russian artillery had been shelling the city for days and that the remaining civilians were sheltering in basements.

"The enemy is throwing everything it has at the city, but our defenders are holding their positions," Haidai wrote on Telegram.

Photo: A damaged apartment block in Lysychansk. Demo Wire

The governor said at least 20,000 residents had not yet left the city.

Please share verified information only and follow official evacuation announcements.

The Ukrainian General Staff did not immediately respond to a request for comment on the ministry's statement.
""",
}

BELGOROD = {
    "title": "Russian border region reports blasts; Moscow blames Ukrainian missiles",
    "url": "https://demo.example/news/belgorod-blasts",
    "outlet": "Demo Wire",
    "published_on": "2022-07-03",
    "text": """Explosions were heard overnight in the Russian city of Belgorod, about 40 kilometres from the border with Ukraine.

Belgorod governor Vyacheslav Gladkov said on Telegram that four people had been killed and that eleven apartment buildings were damaged.

The Russian Defense Ministry said its air defences had intercepted three Tochka-U missiles fired by Ukrainian forces at the city.

According to the ministry, debris from one of the missiles hit a residential street.

Ukraine's military said it had not targeted civilian areas in Russia and called the accusation an attempt to justify further strikes.

Kursk governor Roman Starovoit said a village near the border had come under mortar fire, but that nobody was hurt.

"Our air defence worked well tonight," Gladkov told reporters on Sunday.
""",
}

KHARKIV = {
    "title": "Kharkiv hit by night shelling, city officials say",
    "url": "https://demo.example/news/kharkiv-shelling",
    "outlet": "Demo Daily",
    "published_on": "2022-07-04",
    "text": """Kharkiv mayor Ihor Terekhov said three districts of the city were shelled during the night and that two people were injured.

He said a school and a power substation were damaged, leaving about 3,000 homes without electricity.

The Russian Defense Ministry said it had struck Ukrainian military positions near Kharkiv and denied hitting civilian buildings.

President Volodymyr Zelensky said in his nightly address that Russian forces were deliberately targeting schools and hospitals.

Repair crews restored power to most homes by Monday afternoon, the regional energy company said.
""",
}

# A day later another outlet repeats the ministry's Kharkiv claim: "Checked before?" finds the
# published verdict on the first telling, and the demo narrative flags the repeat.
KHARKIV_REPEAT = {
    "title": "Moscow repeats that Kharkiv strikes hit only military targets",
    "url": "https://demo.example/news/kharkiv-military-targets",
    "outlet": "Demo Post",
    "published_on": "2022-07-05",
    "text": """Russia's Defense Ministry said on Tuesday that its strikes near Kharkiv had hit Ukrainian military positions and denied that any civilian buildings were hit.

The ministry gave no evidence for the claim, and did not comment on the damaged school reported by city officials.

Kharkiv mayor Ihor Terekhov said repair work on the power substation would take another week.
""",
}

ARTICLES = [LYSYCHANSK, BELGOROD, KHARKIV, KHARKIV_REPEAT]

# What the demo desk has already checked (claims.services.demo): the first telling of the
# ministry's Kharkiv claim, reviewed by `reviewer` and published by `editor`, and the narrative it
# belongs to. Written for the demo from the demo articles' own content.
CHECKED = {
    "article": KHARKIV["url"],
    "claim_contains": "struck Ukrainian military positions near Kharkiv",
    "rating": "misleading",
    "rationale": (
        "The city's mayor reported a school and a power substation damaged in the same night's shelling, "
        "leaving about 3,000 homes without electricity; the ministry offered no evidence that only "
        "military positions were hit."
    ),
    "evidence": "https://demo.example/news/kharkiv-shelling",
}
NARRATIVE = {
    "name": "Strikes on cities hit only military targets",
    "summary": (
        "Statements that a night of strikes on a city hit only military positions and no civilian buildings, "
        "made while local officials report homes, schools or power lines damaged."
    ),
    "example": "The Russian Defense Ministry said its strikes near Kharkiv hit only Ukrainian military positions.",
}
