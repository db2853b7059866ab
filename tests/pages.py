"""A small local web server for import tests: the only place tests fetch from."""
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_HTML = """<html><head><title>Harbour strike enters second day</title>
<meta property="article:published_time" content="2024-06-12"></head>
<body><nav>Home | World | Sport</nav><article><h1>Harbour strike enters second day</h1>
<p>The dock workers' union said 4,200 members stayed away from the harbour on Tuesday, the second day of the strike.</p>
<p>The operator said fewer than 1,500 employees were absent and that two ships had been unloaded overnight.</p>
<p><a href="javascript:alert(1)" onclick="steal()">More</a><script>alert('x')</script></p>
</article><footer>All rights reserved</footer></body></html>"""


# A page written to attack whoever reads it: live scripts, handlers and javascript: links, and markup
# spelled out as text, which the extractor hands on as text (title, body, claims, speakers).
SPELLED_OUT = "&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;"
HOSTILE_HTML = f"""<html><head><title>Ferry strike {SPELLED_OUT} day two</title>
<script>window.pwned = 1</script></head>
<body onload="window.pwned=1"><article><h1>Ferry strike {SPELLED_OUT} day two</h1>
<p>The ferry workers' union said 640 members {SPELLED_OUT} stayed away from the piers on Tuesday.</p>
<p>"Only 120 crew were absent {SPELLED_OUT}," the operator {SPELLED_OUT} said on Tuesday evening.</p>
<p><a href="javascript:window.pwned=1" onclick="window.pwned=1">Timetable</a>
<img src="x" onerror="window.pwned=1"><svg onload="window.pwned=1"></svg></p>
</article></body></html>"""


# A French page as many older sites still serve it: a Content-Type without a charset, and the charset
# declared only in the page's own <meta> as "iso-8859-1" -- which the HTML standard (and every browser)
# reads as windows-1252, so the page's curly apostrophes are byte 0x92.
LATIN1_HTML = """<html><head><meta charset="iso-8859-1"><title>Grève au port : deuxième journée</title></head>
<body><article><h1>Grève au port : deuxième journée</h1>
<p>Le syndicat des dockers a déclaré que 4 200 employés étaient restés chez eux mardi, deuxième journée de grève.</p>
<p>L’opérateur a répondu que moins de 1 500 salariés étaient absents et que deux navires avaient été déchargés.</p>
</article></body></html>"""


def _relative_feed(handler):
    """A feed whose links are written relative to the site, as some CMSs write them."""
    items = (
        "<item><title>Strike</title><link>/article</link></item>"
        "<item><title>Strike again</title><link>other-article</link></item>"
        "<item><title>No link at all</title><description>Only a summary.</description></item>"
        "<item><title>Id only</title><guid>story-1234</guid></item>"
        "<item><title>Bad link</title><link>javascript:alert(1)</link></item>"
    )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>{items}</channel></rss>'
    _send(handler, body.encode(), content_type="application/rss+xml")


class PageHandler(BaseHTTPRequestHandler):
    routes = {}

    def do_GET(self):
        path = self.path.split("?")[0]
        self.server.seen_hosts.append(self.headers.get("Host"))
        self.server.seen_paths.append(self.path)
        if path in self.server.served:  # set by a test for this run (LocalPages.serve)
            body, content_type = self.server.served[path]
            _send(self, body, content_type=content_type)
            return
        route = self.routes.get(path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        route(self)

    def log_message(self, *args):
        pass


def _send(handler, body: bytes, content_type="text/html; charset=utf-8", status=200, headers=()):
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in headers:
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def _redirect(location):
    return lambda h: _send(h, b"", status=302, headers=[("Location", location)])


def _slow(handler):
    time.sleep(2)
    _send(handler, ARTICLE_HTML.encode())


def _hold(handler):
    """Answer only when the test says so: lets a test catch a worker in the middle of a fetch."""
    handler.server.holding.set()
    handler.server.release.wait(timeout=30)
    _send(handler, ARTICLE_HTML.replace("Harbour strike", "Held harbour strike").encode())


def _together(number):
    """Answers only once another request for a /together page is in flight at the same time:
    a fetcher that takes one page after another gets 503 for the first."""
    def answer(handler):
        try:
            handler.server.together.wait()
        except threading.BrokenBarrierError:
            _send(handler, b"alone", status=503)
            return
        _send(handler, ARTICLE_HTML.replace("4,200", f"{4200 + number:,}").encode())
    return answer


def _feed(handler):
    base = f"http://127.0.0.1:{handler.server.server_port}"
    items = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link></item>"
        for t, p in (("Strike", "/article"), ("Strike again", "/other-article"), ("Gone", "/gone"))
    )
    items += "<item><title>Bad link</title><link>javascript:alert(1)</link></item>"
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>{items}</channel></rss>'
    _send(handler, body.encode(), content_type="application/rss+xml")


PageHandler.routes = {
    "/feed.xml": _feed,
    "/news/relative-feed.xml": _relative_feed,
    "/latin1-meta": lambda h: _send(h, LATIN1_HTML.encode("cp1252"), content_type="text/html"),
    "/news/other-article": lambda h: _send(h, ARTICLE_HTML.replace("4,200", "4,300").encode()),
    "/nouvelles/gr%C3%A8ve": lambda h: _send(h, ARTICLE_HTML.encode()),
    "/broken-feed.xml": lambda h: _send(h, b"<rss><channel><item><title>oops", content_type="application/rss+xml"),
    "/html-not-feed": lambda h: _send(h, ARTICLE_HTML.encode()),
    "/article": lambda h: _send(h, ARTICLE_HTML.encode()),
    "/hostile": lambda h: _send(h, HOSTILE_HTML.encode()),
    "/other-article": lambda h: _send(h, ARTICLE_HTML.replace("4,200", "4,300").encode()),
    "/same-text": lambda h: _send(h, ARTICLE_HTML.encode()),
    "/to-article": _redirect("/article"),
    "/to-private": _redirect("http://10.20.30.40/secret"),
    "/to-metadata": _redirect("http://169.254.169.254/latest/meta-data/"),
    "/loop": _redirect("/loop"),
    "/big": lambda h: _send(h, b"<p>" + b"x" * 20_000 + b"</p>"),
    "/image": lambda h: _send(h, b"\x89PNG....", content_type="image/png"),
    "/empty": lambda h: _send(h, b"<html><body><nav>Menu</nav></body></html>"),
    "/slow": _slow,
    "/hold": _hold,
    "/together-1": _together(1),
    "/together-2": _together(2),
}


class LocalPages:
    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), PageHandler)
        self.server.seen_hosts, self.server.seen_paths, self.server.served = [], [], {}
        self.server.holding, self.server.release = threading.Event(), threading.Event()
        self.server.together = threading.Barrier(2, timeout=4)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.server.server_port}{path}"

    def serve(self, path: str, body: bytes, content_type: str = "text/html") -> str:
        """Answer `path` with these bytes from now on; returns its address."""
        self.server.served[path] = (body, content_type)
        return self.url(path)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
