from __future__ import annotations

import re

import pytest

from awesomelint.finding import Finding, Severity
from awesomelint.registry import all_rules
from awesomelint.rule import RuleContext
from awesomelint.runner import lint_text, parse_source
from awesomelint.source import SourceText
from awesomelint.titles import normalise_title, title_words
from conftest import FIXTURES

RULE = "duplicate-title"


def lint(markdown: str, **options: object) -> list[Finding]:
    return lint_text(markdown, select=[RULE], options={RULE: options} if options else None)


def lines(*source: str) -> str:
    return "".join(line + "\n" for line in source)


def pair(first: str, second: str) -> str:
    return lines(f"- [{first}](https://example.org/first)", f"- [{second}](https://example.org/second)")


def test_reports_the_later_title_naming_the_first() -> None:
    findings = lint(
        lines(
            "| Paper | a.k.a |",
            "|-------|-------|",
            "| [Efficient Streaming Language Models with Attention Sinks](https://arxiv.org/abs/2309.17453) | S |",
            "| [Efficient streaming language models with attention sinks.](https://github.com/mit-han-lab/x) | S |",
        )
    )
    assert [(f.line, f.column, f.end_column, f.severity) for f in findings] == [(4, 4, 60, Severity.WARNING)]
    assert findings[0].message == (
        'title already listed at line 3 ("Efficient Streaming Language Models with Attention Sinks")'
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            "LLaMA: Open and Efficient Foundation Language Models",
            "LLaMA - open and efficient foundation language models.",
            id="case-and-punctuation",
        ),
        pytest.param(
            "Efficient Streaming Language Models with Attention Sinks",
            "Efficient Streaming Langauge Models with Attention Sinks",
            id="swapped-letters",
        ),
        pytest.param(
            "Efficient Streaming Language Models with Attention Sinks",
            "Efficient Streaming Language Models with Atention Sinks",
            id="dropped-letter",
        ),
        pytest.param(
            "Decoupled Weight Decay Regularization",
            "Decoupled Weight Decay Regularisation",
            id="spelling",
        ),
        pytest.param(
            "RoFormer: Enhanced Transformer with Rotary Position Embedding",
            "RoFormer: Enhanced Transformer with Rotary Position Embeddings",
            id="plural",
        ),
        pytest.param(
            "The Power of Scale for Parameter-Efficient Prompt Tuning",
            "Power of Scale for Parameter-Efficient Prompt Tuning",
            id="dropped-the",
        ),
        pytest.param(
            "BERT: Pre-training of Deep Bidirectional Transformers",
            "BERT: Pretraining of Deep Bidirectional Transformer",
            id="hyphen-and-plural",
        ),
        pytest.param(
            "Language Models are Few-Shot Learners",
            "Language Models are Few Shot Learners",
            id="hyphen-or-space",
        ),
    ],
)
def test_variants_of_one_title(first: str, second: str) -> None:
    assert [f.line for f in lint(pair(first, second))] == [2]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("LLaMA-Adapter V1: Efficient Fine-tuning", "LLaMA-Adapter V2: Efficient Fine-tuning", id="v1-v2"),
        pytest.param("GPT-3 Technical Report and Model Card", "GPT-4 Technical Report and Model Card", id="gpt"),
        pytest.param(
            "Llama 2: Open Foundation and Fine-Tuned Chat Models",
            "Llama 3: Open Foundation and Fine-Tuned Chat Models",
            id="llama",
        ),
        pytest.param(
            "Secrets of RLHF in Large Language Models Part I",
            "Secrets of RLHF in Large Language Models Part II",
            id="roman",
        ),
        pytest.param(
            "ResNet50 Baselines for Image Classification",
            "ResNet51 Baselines for Image Classification",
            id="digits-in-a-word",
        ),
        pytest.param(
            "Supervised Contrastive Learning for Sentence Embeddings",
            "Unsupervised Contrastive Learning for Sentence Embeddings",
            id="prefix",
        ),
        pytest.param(
            "Dense Encoder Pretraining for Passage Retrieval",
            "Dense Decoder Pretraining for Passage Retrieval",
            id="first-letter",
        ),
        pytest.param(
            "Hallucination Detection in Large LLMs",
            "Hallucination Detection in Large LVLMs",
            id="short-word",
        ),
        pytest.param(
            "Training Language Models with Human Feedback",
            "Training Language Models without Human Feedback",
            id="with-without",
        ),
        pytest.param(
            "A Survey on Large Language Models",
            "A Survey on Multimodal Large Language Models",
            id="added-word",
        ),
        pytest.param(
            "Tracking Everything Everywhere All at Once",
            "Segment Everything Everywhere All at Once",
            id="other-word",
        ),
        pytest.param("Open Government, Mexico", "Open Government, Mexico", id="three-words"),
        pytest.param("Transport for The Netherlands", "Transport for The Netherlands", id="two-content-words"),
        pytest.param("Python", "Python", id="one-word"),
    ],
)
def test_near_misses(first: str, second: str) -> None:
    assert lint(pair(first, second)) == []


def test_threshold_weighs_an_edit_against_the_title_length() -> None:
    short = pair("Geometry of Concepts in LLMs", "The Geometry of Concepts in LLMs")  # ratio 0.933
    assert lint(short) == []
    assert [f.line for f in lint(short, threshold=0.9)] == [2]
    typo = pair("Decoupled Weight Decay Regularization", "Decoupled Weight Decay Regularisation")
    assert lint(typo, threshold=1.0) == []
    exact = pair("Decoupled Weight Decay Regularization", "decoupled weight-decay regularization!")
    assert [f.line for f in lint(exact, threshold=1.0)] == [2]


def test_cross_listing_under_the_same_title() -> None:
    markdown = lines(
        "## Fine-tuning",
        "",
        "- [Merge Large Language Models with MergeKit](https://example.org/blog)",
        "",
        "## Articles",
        "",
        "- [Merge Large Language Models with mergekit](https://example.org/hub)",
        "- [Merge large language models with MergeKit.](https://example.org/mirror)",
        "- [Uncensor any LLM with abliteration](https://example.org/a)",
        "",
        "## Tools",
        "",
        "- [Unsensor any LLM with abliteration](https://example.org/b)",
    )
    # The same title in another section is allowed; twice in one section, or a variant, is not.
    assert [f.line for f in lint(markdown)] == [8, 13]
    assert [f.line for f in lint(markdown, **{"allow-cross-listing": False})] == [7, 8, 13]
    assert "line 7" in lint(markdown)[0].message


def test_another_version_marked_as_such() -> None:
    title = "Scaling Instruction-Finetuned Language Models"
    for note in ("(journal version)", "- extended version, JMLR 2024", "(Extended)", "conference version"):
        markdown = lines(f"- [{title}](https://example.org/a)", f"- [{title}](https://example.org/b) {note}")
        assert lint(markdown) == [], note
    both = lines(
        f"- [{title}](https://example.org/a) journal version", f"- [{title}](https://example.org/b) Journal Version"
    )
    assert [f.line for f in lint(both)] == [2]


def test_a_paper_and_its_sub_items() -> None:
    markdown = lines(
        "- **Denoising Diffusion Probabilistic Models**",
        "  - [Denoising Diffusion Probabilistic Models](https://example.org/paper)",
        "    - [Denoising diffusion probabilistic models.](https://example.org/slides)",
        "- [Denoising Diffusion Probabilistic Model](https://example.org/again)",
    )
    assert [f.line for f in lint(markdown)] == [4]
    assert "line 1" in lint(markdown)[0].message


def test_shared_papers_and_pages_are_left_to_the_other_duplicate_rules() -> None:
    markdown = lines(
        "- [QLoRA: Efficient Finetuning of Quantized LLMs](https://arxiv.org/abs/2305.14314)",
        "- [QLoRA: Efficient Finetuning of Quantised LLMs](https://arxiv.org/pdf/2305.14314v2.pdf)",
        "- [Vicuna: An Open-Source Chatbot Impressing GPT-4](https://lmsys.org/blog/2023-03-30-vicuna/)",
        "- [Vicuna: An Open Source Chatbot Impressing GPT-4](https://lmsys.org/blog/2023-03-30-vicuna)",
        "- **Alpaca: A Strong, Replicable Instruction-Following Model** arXiv:2303.99999",
        "- **Alpaca: A Strong Replicable Instruction-Following Model** arXiv 2303.99999",
    )
    assert lint(markdown) == []
    together = lint_text(markdown, select=[RULE, "duplicate-arxiv-id", "duplicate-url"])
    assert [(f.rule, f.line) for f in together] == [
        ("duplicate-arxiv-id", 2),
        ("duplicate-url", 4),
        ("duplicate-arxiv-id", 6),
    ]


def test_two_arxiv_papers_are_two_papers() -> None:
    title = "The Geometry of Categorical and Hierarchical Concepts in Large Language Models"
    two_papers = lines(
        f"- [{title}](https://arxiv.org/abs/2406.01506)", f"- [{title}](https://arxiv.org/abs/2410.19750)"
    )
    assert lint(two_papers) == []
    # One entry on arXiv and one elsewhere is the listing this rule is for.
    elsewhere = lines(f"- [{title}](https://arxiv.org/abs/2406.01506)", f"- [{title}](https://openreview.net/x)")
    assert [f.line for f in lint(elsewhere)] == [2]


def test_table_of_contents_items_are_not_works() -> None:
    markdown = lines(
        "- [Efficient Fine-tuning of Large Language Models](#efficient-fine-tuning-of-large-language-models)",
        "- [Efficient Fine-tuning of Large Language Models](./#efficient-fine-tuning-of-large-language-models)",
    )
    assert lint(markdown) == []


def test_a_new_entry_above_the_one_it_repeats_is_reported_on_the_new_line() -> None:
    markdown = lines(
        "- [Efficient streaming language models with attention sinks](https://github.com/mit-han-lab/x)",
        "- [Efficient Streaming Language Models with Attention Sinks](https://arxiv.org/abs/2309.17453)",
    )
    document = parse_source(SourceText("README.md", markdown), None)
    rule = all_rules()[RULE]
    context = RuleContext(RULE, rule.severity, rule.defaults(), "README.md", changed=frozenset({1}))
    findings = list(rule.check(document, context))
    assert [(f.line, f.message) for f in findings] == [
        (1, 'title already listed at line 2 ("Efficient Streaming Language Models with Attention Sinks")')
    ]


def test_titles_of_both_seed_formats_are_the_papers_titles() -> None:
    # A table row whose first cell links the title, and a bullet with a bold title.
    for name, line, title in (
        ("awesome-llm-papers.md", 9, "LLaMA: Open and Efficient Foundation Language Models"),
        ("llama-paper-list.md", 24, "LLaMA: Open and Efficient Foundation Language Models"),
    ):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        document = parse_source(SourceText(name, text), None)
        (entry,) = (entry for entry in document.entries if entry.line == line)
        assert entry.title == title


def test_quiet_on_the_seeds_and_the_classic_lists() -> None:
    # The seeds list no work twice; the classic lists' repeated names ("Python", "Open
    # Government, Mexico") are different things.
    names = ["awesome-llm-papers.md", "llama-paper-list.md"]
    names += [f"corpus/{name}.md" for name in ("sindresorhus__awesome", "vinta__awesome-python")]
    names.append("corpus/public-apis__public-apis.md")
    for name in names:
        assert lint((FIXTURES / name).read_text(encoding="utf-8")) == [], name


def test_title_words() -> None:
    assert title_words("Pre-training of Deep $\\mathcal{O}(n)$ Transformers: a Survey.") == (
        "pretraining",
        "of",
        "deep",
        "o",
        "n",
        "transformers",
        "a",
        "survey",
    )
    assert title_words("Top ML Papers (Jan 9-15)") == ("top", "ml", "papers", "jan", "9", "15")
    assert normalise_title("Pre-training") == "pre training"


def test_a_large_hostile_list_reports_each_copy_once() -> None:
    # 10,000 distinct titles from a 26-word vocabulary; 2,000 titles one number apart, which
    # share every bucket but one; and 2,000 copies of one title.
    words = re.findall(
        r"\w+",
        "efficient sparse attention language models retrieval augmented generation instruction tuning alignment"
        " preference inference decoding benchmark evaluation reasoning agents multimodal vision speech tokenizer"
        " memory scalable quantised optimisation",
    )
    titles = [" ".join(words[(n * 7 + k * k * 3 + n // (k + 1)) % len(words)] for k in range(8)) for n in range(10_000)]
    titles += [f"Sparse attention benchmark number {n} for agents" for n in range(2_000)]
    titles += ["Scalable Sparse Attention for Long Context Models"] * 2_000
    markdown = "".join(f"- [{title}](https://example.org/{n})\n" for n, title in enumerate(titles))
    findings = lint(markdown)
    assert sum("Scalable Sparse Attention" in f.message for f in findings) == 1_999
