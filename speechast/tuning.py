"""Every threshold of the rules, in one frozen object, each with why it has its value.

Lengths are in code points of the text. ``TUNING`` is the one instance the
rules read; a test may build another with ``attrs.evolve`` to show a rule's edge.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Tuning:
    # A block longer than this with no line break or separating space is
    # run-on text: markers after a sentence end open blocks of their own
    # inside it. Real paragraphs of speeches stay well below it.
    run_on_chars: int = 1000
    # A retrieval chunk's default length, and the length under which a chunk
    # joins a neighbour under the same parent: a few paragraphs of a speech.
    chunk_max_chars: int = 1000
    chunk_min_chars: int = 200
    # Inputs sent to a worker process in one message (see batch._batch): at
    # most this many, and at least this many batches for each worker.
    pool_batch_max: int = 8
    pool_batches_per_worker: int = 4
    # Site and shop banners sit in the first screenful of a page copy; short
    # lines between two ad lines there are part of the banner.
    ad_region_blocks: int = 30
    ad_line_max: int = 40
    # A word such as 客服 or VIP marks a line as site furniture only on a line
    # as short as a banner's; a report's sentences about a 客服 department are text.
    weak_ad_line_max: int = 24
    # A licence footer broken into fragment lines by its links runs to a few
    # dozen lines; a line opening one further from the end is text.
    licence_tail_blocks: int = 80
    # An office name above a closing date is short and has no punctuation.
    office_max: int = 25
    # Right-aligned lines (a signature or date padded with spaces) start at
    # least this display width in, and are short.
    signature_indent: int = 8
    signature_max: int = 40
    # Viewer chunk numbers come in runs: three consecutive numbers rule out a
    # short numbered list whose items happen to stop mid-line.
    chunk_run_min: int = 3
    # Furniture lines are short; a paragraph that mentions a URL is still text.
    link_line_max: int = 200
    furniture_line_max: int = 120
    # A line that carries news furniture vocabulary anywhere (not only at its
    # start) is furniture only when it is as short as a caption or credit.
    news_caption_max: int = 80
    # How far ahead an enumeration's first member looks for its second: about
    # a page of a speech, past the paragraphs the first member owns.
    lookahead_blocks: int = 60
    # Numbers a sequence may skip and still be read as continuing (一、二、四、):
    # a skipped number is a writer's slip; a jump of more is another sequence.
    max_gap: int = 2
    # An item's lead clause longer than this is cut at its first comma.
    lead_max: int = 40
    # A heading title longer than this without a sentence end ran into its body.
    heading_title_max: int = 60
    # How much of a block the title-end rules read: four heading lengths.
    title_window: int = 240
    # A heading's last clause is short: a heading-final noun counts only this
    # far into the first clause too long to be one.
    heading_clause_max: int = 20
    # A document title line is short and does not end a sentence; a title with
    # a long subtitle on one line still fits.
    doc_title_max: int = 90
    # How far past a title the salutation or addressee on its line may start.
    doc_title_slack: int = 40
    # A head part of the metadata that is shorter than this and ends no
    # sentence may be (part of) the title; the same length as a heading title.
    meta_title_max: int = 60
    # A head line of more space-separated parts than this is running text:
    # title, speaker and date lines have a handful.
    meta_parts_max: int = 24
    # A speaker line (office and name) is short.
    speaker_max: int = 40
    # An unnumbered sub-head is a short phrase: 4 to 24 characters.
    subhead_min: int = 4
    subhead_max: int = 24


TUNING = Tuning()
