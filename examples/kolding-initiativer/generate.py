"""
Writes this pack's synthetic inbox (python3 generate.py; deterministic). Kolding Kommune's initiative
catalogue for social psychiatry: four initiatives, two on the municipality's own extracts.
- fritid_deltagelse (a provider's monthly report, Windows-1252 `;`): 20 citizens every month of 2024-H1,
  2024-H2 and 2025-H1; 6, 8 and 9 of them took part in an ordinary association's activity in the
  half-year (the others only in the socialpsychiatry's own offers).
- trivsel_spoergeskema (a questionnaire, Excel workbook saved as CSV `,` UTF-8): 10 respondents answer 3
  questions on a 1-5 scale in 2024-H2 and in 2025-H1: 21 and 24 of the 30 answers are 4 or 5. One more
  answer has the score 7 and is quarantined.
- sel85 and employment (built in): 8 citizens with a §85 decision (psykiatri) from 1 January 2024,
  employment data January 2024 - June 2025; 3, 4 and 5 of them have wage hours every month of 2024-H1,
  2024-H2 and 2025-H1 (18, 24, 30 of 48 person-months). 18 more decisions (misbrug, andet) end: 5 in
  2024-H1, 6 in 2024-H2 and 7 in 2025-H1.
"""
import random
from datetime import date, timedelta

rng = random.Random(4)
used = set()


def cpr():
    while True:
        born = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 35 * 365))
        text = f"{born:%d%m%y}-{rng.randrange(0, 4000):04d}"
        if text not in used:
            used.add(text)
            return text


def write(path, header, rows, sep=";", encoding="utf-8-sig"):
    lines = [sep.join(header)] + [sep.join(str(c) for c in r) for r in rows]
    open(path, "wb").write(("\r\n".join(lines) + "\r\n").encode(encoding))


def months(year, half):
    return [f"{year}-{m:02d}" for m in (range(1, 7) if half == 1 else range(7, 13))]


HALVES = [(2024, 1), (2024, 2), (2025, 1)]

# The provider's report: every citizen every month; the ordinary ones take part in an association's
# activity in one month of the half-year (and the socialpsychiatry's café every other month).
citizens = [cpr() for _ in range(20)]
rows = []
for (year, half), ordinary in zip(HALVES, (6, 8, 9)):
    ms = months(year, half)
    for i, c in enumerate(citizens):
        for j, m in enumerate(ms):
            rows.append((c, m, "Værestedet Fælleshuset", "nej"))
            if i < ordinary and j == i % 6:
                rows.append((c, m, "Kolding Roklub", "ja"))
write("inbox/fritid_deltagelse/fritid_leverandoer.csv",
      ["CPR-nr.", "Måned", "Aktivitet", "Almindeligt foreningstilbud"], rows, encoding="cp1252")

# The questionnaire.
respondents = [cpr() for _ in range(10)]
rows = []
for (year, half), positive in (((2024, 2), 21), ((2025, 1), 24)):
    answered = date(year, 10 if half == 2 else 4, 15)
    scores = [5] * (positive // 2) + [4] * (positive - positive // 2) + [3, 2, 1] * 3
    scores = scores[:30]
    rng.shuffle(scores)
    k = 0
    for r in respondents:
        for q in ("tryghed", "indflydelse", "trivsel"):
            rows.append((r, answered.isoformat(), q, scores[k]))
            k += 1
rows.append((respondents[0], "2025-04-16", "trivsel", 7))
write("inbox/trivsel_spoergeskema/spoergeskema.csv",
      ["respondent_cpr", "besvaret", "spoergsmaal", "score"], rows, sep=",", encoding="utf-8")

# §85 decisions and employment.
workers = [cpr() for _ in range(8)]
rows = [(c, f"K-{i + 1:03d}", "2024-01-01", "", "3,5", "psykiatri", "Socialpsykiatrien") for i, c in enumerate(workers)]
ended = []
for (year, half), n in zip(HALVES, (5, 6, 7)):
    for i in range(n):
        end = date(year, (1 if half == 1 else 7) + i % 6, 10)
        ended.append((cpr(), f"A-{len(ended) + 1:03d}", "2023-06-01", end.isoformat(), "2",
                      "misbrug" if i % 2 else "andet", "Socialpsykiatrien"))
write("inbox/sel85/sel85_afgoerelser.csv",
      ["cpr", "afgoerelse_id", "startdato", "slutdato", "timer_pr_uge", "maalgruppe", "leverandoer"], rows + ended)
rows = []
for (year, half), employed in zip(HALVES, (3, 4, 5)):
    for m in months(year, half):
        for i, c in enumerate(workers):
            rows.append((c, m, "20" if i < employed else "0", "nej"))
write("inbox/employment/eindkomst.csv", ["cpr", "month", "wage_hours", "in_education"], rows)
