"""The tagger's rules, one module per family of expressions, each exporting named `Rule` records.

calendar_dates ("5 June 2016", "2016-06-05"), eras (BC), years (years, decades, centuries, seasons,
quarters, halves), relative ("last month", "Friday", "two years ago", "now"), clock ("8 PM",
"noon Thursday"), named (seasons alone, holidays, spelt-out years), durations (periods and
sets). `RULES` runs them in one fixed order, which decides overlaps: of
two candidates of the same length at the same place, the earlier rule's wins.
"""

from __future__ import annotations

from store.timex.candidate import Rule
from store.timex.rules.calendar_dates import CALENDAR_DATE_RULES
from store.timex.rules.clock import CLOCK_RULES
from store.timex.rules.durations import DURATION_RULES
from store.timex.rules.eras import ERA_RULES
from store.timex.rules.named import NAMED_RULES
from store.timex.rules.relative import RELATIVE_RULES
from store.timex.rules.years import YEAR_RULES

ORDER = (
    "dmy",
    "mdy",
    "my",
    "month_alone",
    "iso_date",
    "slash_date",
    "nine_eleven",
    "ordinal_day",
    "bc_range",
    "bc_date",
    "bc_decade",
    "bc_century",
    "year_alone",
    "decade",
    "century",
    "season_year",
    "quarter",
    "half",
    "rel_unit",
    "rel_named",
    "deictic_day",
    "ago",
    "weekday",
    "clock",
    "refs",
    "duration",
    "bare_duration",
    "set_every",
    "set_adverb",
    "set_freq",
    "season_alone",
    "holiday",
    "year_ago",
    "adj_ref",
    "vague_span",
    "spoken_year",
    "latest_quarter",
    "period_of",
    "counted",
    "the_day",
    "duration_pair",
)

_BY_NAME = {
    r.name: r
    for r in (
        *CALENDAR_DATE_RULES,
        *ERA_RULES,
        *YEAR_RULES,
        *RELATIVE_RULES,
        *CLOCK_RULES,
        *NAMED_RULES,
        *DURATION_RULES,
    )
}
if sorted(_BY_NAME) != sorted(ORDER):
    raise ImportError(f"rules and ORDER disagree: {sorted(set(_BY_NAME) ^ set(ORDER))}")
RULES: list[Rule] = [_BY_NAME[name] for name in ORDER]

__all__ = ["ORDER", "RULES", "Rule"]
