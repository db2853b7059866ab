"""Two invented stories in the registry, and articles about them, for the topic-choosing tests
(services, views and browser). The sentences are written for these tests."""
from .factories import SideFactory, SourceFactory, TopicFactory

# Names two sources of the war's sides: the topic is clear, and the two counts are a dispute.
CLEAR_WAR_TEXT = (
    "The Russian Defense Ministry said on Sunday that air defences had shot down 40 drones over the Bryansk region overnight.\n\n"
    "Serhiy Haidai said on Monday that only 12 drones had been launched toward the Bryansk region that night.\n"
)
# Names as much of the harbour strike as of the war: the topic is not clear.
UNCLEAR_TEXT = (
    "Ivo Brandt said on Friday that the harbour would stay closed to ships from Russia until the strike ended.\n\n"
    "A Russian shipping agent said the closure had already cost the line two sailings.\n"
)


def build_registry():
    war = TopicFactory(name="Russia-Ukraine war")
    russia = SideFactory(topic=war, name="Russia", cues="Russia, Russian, Moscow, Kremlin")
    ukraine = SideFactory(topic=war, name="Ukraine", cues="Ukraine, Ukrainian, Kyiv")
    SourceFactory(name="Russian Defense Ministry", side=russia)
    SourceFactory(name="Serhiy Haidai", side=ukraine)
    strike = TopicFactory(name="Harbour strike")
    port = SideFactory(topic=strike, name="Port", cues="port authority, harbour master")
    dockers = SideFactory(topic=strike, name="Dockers", cues="dockworkers, stevedores")
    SourceFactory(name="Ivo Brandt", side=port)
    return {"war": war, "strike": strike, "russia": russia, "ukraine": ukraine, "port": port, "dockers": dockers}
