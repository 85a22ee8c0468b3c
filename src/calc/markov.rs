//! The journey as an absorbing Markov chain (MODELS.md §3.8): people move between the stages,
//! skip ahead, step back, and in the end either buy or are lost.
//!
//! - The **transient states** are the stages 0..n (1 ≤ n ≤ 20); the two **absorbing states**
//!   are *buy* and *lost*. Q (n × n) holds the transient → transient chances and R (n × 2) the
//!   transient → absorbing ones; every row of [Q R] sums to 1.
//! - The **fundamental matrix** N = (I − Q)⁻¹ gives the expected visits to state j of someone
//!   starting in state i (the start counts as a visit).
//! - **Absorption chances** B = N · R: the chance of eventually buying or being lost.
//! - **Expected steps** t = N · 1: the state visits before buying or being lost; with the days
//!   per visit d, N · d is the expected days.
//! - **Reach** h[i][j] = N[i][j] / N[j][j]: the chance of ever getting from i to j.
//! - **Newcomers** start at state s with the entry share e_s (Σ e = 1), so their figures are
//!   the e-weighted sums of the rows.
//!
//! A chain that cannot be solved (bad shape, a chance outside 0..=1, rows that do not sum to
//! 1, a loop with no exit) is an `Err(ChainError)` with the reason, never a panic, NaN or ∞.
//! The solve is a plain LU decomposition with partial pivoting (n ≤ 20, no external crate).

use super::funnel::Funnel;

/// Most states a chain may have (the funnel's stage limit).
const MAX_STATES: usize = 20;

/// A journey as a Markov chain, indices 0-based.
#[derive(Clone, Debug, PartialEq)]
pub struct Chain {
    /// q[i][j]: chance that someone in state i moves to state j next. n × n. The diagonal is
    /// allowed mathematically (the UI never sets it).
    pub q: Vec<Vec<f64>>,
    /// Chance that someone in state i buys next (absorbing).
    pub buy: Vec<f64>,
    /// Chance that someone in state i is lost next (absorbing).
    pub lost: Vec<f64>,
    /// Share of newcomers who enter at state i.
    pub entry: Vec<f64>,
    /// Days spent per visit of state i (0 where unknown).
    pub days: Vec<f64>,
}

impl Chain {
    /// Everything that leaves state i: its moves, buy and lost (1 in a valid row).
    pub fn row_sum(&self, i: usize) -> f64 {
        self.q[i].iter().sum::<f64>() + self.buy[i] + self.lost[i]
    }
}

/// Why a chain cannot be solved.
#[derive(Clone, Debug, PartialEq)]
pub enum ChainError {
    /// The vectors/matrix do not all have the same length n, or n is 0 or > 20.
    Shape,
    /// A probability or entry share of this state is negative, above 1 or not finite; or a
    /// day count is negative/not finite.
    OutOfRange {
        /// The state (0-based).
        state: usize,
    },
    /// The row of this state sums to `sum` (a fraction) instead of 1.
    RowSum {
        /// The state (0-based).
        state: usize,
        /// Σ_j q[state][j] + buy[state] + lost[state].
        sum: f64,
    },
    /// The entry shares sum to `sum` instead of 1.
    EntrySum {
        /// Σ_i entry[i].
        sum: f64,
    },
    /// These states (ascending) can never reach buy or lost: a loop with no exit.
    Trap {
        /// The trapped states, ascending.
        states: Vec<usize>,
    },
    /// The solve produced a number that does not fit in f64 (exits too small to matter).
    TooLarge,
}

/// Row sums and entry-share sums are accepted within this distance of 1 (users type
/// percentages such as 33.33 + 33.33 + 33.34).
pub const TOLERANCE: f64 = 1e-9;

/// What a chain gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    /// N: expected visits to state j for someone starting in state i.
    pub visits: Vec<Vec<f64>>,
    /// B[·][buy]: chance that someone starting in state i eventually buys.
    pub buy: Vec<f64>,
    /// B[·][lost].
    pub lost: Vec<f64>,
    /// t = N·1: expected steps (state visits) before buying or being lost, from state i.
    pub steps: Vec<f64>,
    /// N·days: expected days before buying or being lost, from state i.
    pub days: Vec<f64>,
    /// h[i][j]: chance that someone starting in i ever reaches j (1 on the diagonal;
    /// N[i][j] / N[j][j] otherwise).
    pub reach: Vec<Vec<f64>>,
    /// Σ_s e_s · buy[s]: chance that a newcomer buys.
    pub newcomer_buy: f64,
    /// Σ_s e_s · steps[s].
    pub newcomer_steps: f64,
    /// Σ_s e_s · days[s].
    pub newcomer_days: f64,
    /// e·N: expected visits per state of a newcomer.
    pub newcomer_visits: Vec<f64>,
    /// Σ_s e_s · reach[s][j]: chance that a newcomer ever reaches state j.
    pub newcomer_reach: Vec<f64>,
}

/// A chance or share: finite and within 0..=1.
fn is_fraction(x: f64) -> bool {
    x.is_finite() && (0.0..=1.0).contains(&x)
}

/// The number of states if every vector and row has the same length n, 1 ≤ n ≤ 20.
fn shape(chain: &Chain) -> Option<usize> {
    let n = chain.q.len();
    let same = chain.q.iter().all(|row| row.len() == n)
        && chain.buy.len() == n
        && chain.lost.len() == n
        && chain.entry.len() == n
        && chain.days.len() == n;
    (same && (1..=MAX_STATES).contains(&n)).then_some(n)
}

/// The states from which no path along q > 0 edges leads to a state with buy + lost > 0,
/// ascending. A backward search from the exiting states over the reversed edges.
fn trapped(chain: &Chain, n: usize) -> Vec<usize> {
    let mut exits: Vec<bool> = (0..n).map(|i| chain.buy[i] + chain.lost[i] > 0.0).collect();
    let mut stack: Vec<usize> = (0..n).filter(|&i| exits[i]).collect();
    while let Some(j) = stack.pop() {
        // Every i with an edge i → j reaches an exit through j.
        for (i, row) in chain.q.iter().enumerate() {
            if !exits[i] && row[j] > 0.0 {
                exits[i] = true;
                stack.push(i);
            }
        }
    }
    (0..n).filter(|&i| !exits[i]).collect()
}

/// Every problem of the chain, in state order (row problems first in state order, then
/// EntrySum, then Trap). Empty when it can be solved. Trap detection is a graph search: a state
/// "exits" if buy+lost > 0; states from which no path of q > 0 edges leads to an exiting state
/// are trapped. Rows with RowSum/OutOfRange problems are still included in the graph as they
/// are.
///
/// A wrong shape is the only problem reported (`[Shape]`), since nothing else can be read. A
/// state has at most one row problem: `OutOfRange` if any of its numbers is out of range, else
/// `RowSum` if its row misses 1 by more than [`TOLERANCE`]. `EntrySum` is only reported when
/// the sum is a finite number (a non-finite share is `OutOfRange` already).
///
/// # Examples
/// ```
/// use tragt::calc::markov::{problems, Chain, ChainError};
/// // state 0 passes everyone to 1, state 1 passes everyone back: nobody ever leaves
/// let loop_ = Chain {
///     q: vec![vec![0.0, 1.0], vec![1.0, 0.0]],
///     buy: vec![0.0, 0.0],
///     lost: vec![0.0, 0.0],
///     entry: vec![1.0, 0.0],
///     days: vec![0.0, 0.0],
/// };
/// assert_eq!(problems(&loop_), vec![ChainError::Trap { states: vec![0, 1] }]);
/// ```
pub fn problems(chain: &Chain) -> Vec<ChainError> {
    let Some(n) = shape(chain) else {
        return vec![ChainError::Shape];
    };
    let mut out = Vec::new();
    for i in 0..n {
        let row = &chain.q[i];
        let in_range = row.iter().all(|&x| is_fraction(x))
            && is_fraction(chain.buy[i])
            && is_fraction(chain.lost[i])
            && is_fraction(chain.entry[i])
            && chain.days[i].is_finite()
            && chain.days[i] >= 0.0;
        if !in_range {
            out.push(ChainError::OutOfRange { state: i });
            continue;
        }
        let sum = chain.row_sum(i);
        if (sum - 1.0).abs() > TOLERANCE {
            out.push(ChainError::RowSum { state: i, sum });
        }
    }
    let entry_sum: f64 = chain.entry.iter().sum();
    if entry_sum.is_finite() && (entry_sum - 1.0).abs() > TOLERANCE {
        out.push(ChainError::EntrySum { sum: entry_sum });
    }
    let trap = trapped(chain, n);
    if !trap.is_empty() {
        out.push(ChainError::Trap { states: trap });
    }
    out
}

/// An LU decomposition with partial pivoting, P·A = L·U, stored in one row-major n × n array:
/// U on and above the diagonal, the multipliers of L (whose diagonal is 1) below it. `perm[i]`
/// is the row of A that ended up as row i. Flat storage and slice loops keep the inner loops
/// free of bounds checks and calls, which matters in the size-optimised wasm.
struct Lu {
    n: usize,
    lu: Vec<f64>,
    perm: Vec<usize>,
}

impl Lu {
    /// Decomposes the n × n matrix `a` (row-major). `None` if a pivot is 0 or not finite (the
    /// matrix is singular as far as f64 can tell).
    ///
    /// Column k: the pivot is the row at or below k with the largest |a[r][k]|; a lower row
    /// only wins if it is *strictly* larger, so on ties (and when the entries below are 0) the
    /// current row stays and no swap happens. Then each row r below gets
    /// m = a[r][k] / a[k][k] times row k subtracted; a zero multiplier leaves the row untouched.
    fn new(mut a: Vec<f64>, n: usize) -> Option<Lu> {
        let mut perm: Vec<usize> = (0..n).collect();
        for k in 0..n {
            let mut p = k;
            let mut best = a[k * n + k].abs();
            for r in k + 1..n {
                let v = a[r * n + k].abs();
                if v > best {
                    best = v;
                    p = r;
                }
            }
            if p != k {
                let (top, bottom) = a.split_at_mut(p * n);
                top[k * n..(k + 1) * n].swap_with_slice(&mut bottom[..n]);
                perm.swap(p, k);
            }
            let pivot = a[k * n + k];
            if pivot == 0.0 || !pivot.is_finite() {
                return None;
            }
            let (upper, lower) = a.split_at_mut((k + 1) * n);
            let row_k = &upper[k * n + k + 1..];
            for row in lower.chunks_exact_mut(n) {
                let m = row[k] / pivot;
                row[k] = m;
                if m != 0.0 {
                    for (x, u) in row[k + 1..].iter_mut().zip(row_k) {
                        *x -= m * u;
                    }
                }
            }
        }
        Some(Lu { n, lu: a, perm })
    }

    /// x with A·x = b, written into `x`: forward substitution L·y = P·b, then back
    /// substitution U·x = y. The terms are subtracted one by one in column order, so zero
    /// entries contribute exact zeros, and a pivot of 1 divides exactly.
    fn solve_into(&self, b: &[f64], x: &mut [f64]) {
        for (xi, &r) in x.iter_mut().zip(&self.perm) {
            *xi = b[r];
        }
        self.substitute(x, 0);
    }

    /// x with A·x = e_j (column j of A⁻¹), written into `x`. The same substitutions as
    /// [`Lu::solve_into`] with b = e_j, less the work on P·e_j's leading zeros: the rows of
    /// L above the one that P moved the 1 to see only zeros, and a zero times a finite
    /// multiplier subtracted from +0 or from a number leaves it unchanged, so the result is
    /// the same bit for bit.
    fn solve_unit_into(&self, j: usize, x: &mut [f64]) {
        for (xi, &r) in x.iter_mut().zip(&self.perm) {
            *xi = if r == j { 1.0 } else { 0.0 };
        }
        let first = self.perm.iter().position(|&r| r == j).unwrap_or(self.n);
        self.substitute(x, first);
    }

    /// Turns P·b in `x` into the solution: forward substitution with L from row `first`
    /// on (the entries above it are zeros), then back substitution with U.
    fn substitute(&self, x: &mut [f64], first: usize) {
        let n = self.n;
        for i in first + 1..n {
            let (done, rest) = x.split_at_mut(i);
            let mut v = rest[0];
            for (l, xj) in self.lu[i * n + first..i * n + i].iter().zip(done[first..].iter()) {
                v -= l * xj;
            }
            rest[0] = v;
        }
        for i in (0..n).rev() {
            let (head, tail) = x.split_at_mut(i + 1);
            let mut v = head[i];
            for (u, xj) in self.lu[i * n + i + 1..(i + 1) * n].iter().zip(tail.iter()) {
                v -= u * xj;
            }
            head[i] = v / self.lu[i * n + i];
        }
    }

    /// x with A·x = b.
    fn solve(&self, b: &[f64]) -> Vec<f64> {
        let mut x = vec![0.0; self.n];
        self.solve_into(b, &mut x);
        x
    }
}

/// Σ_s w_s · v_s.
fn weighted(w: &[f64], v: &[f64]) -> f64 {
    w.iter().zip(v).map(|(a, b)| a * b).sum()
}

/// `Err(TooLarge)` unless every number is finite.
fn all_finite<'a>(values: impl IntoIterator<Item = &'a f64>) -> Result<(), ChainError> {
    if values.into_iter().all(|v| v.is_finite()) {
        Ok(())
    } else {
        Err(ChainError::TooLarge)
    }
}

/// Solves the chain: the first of `problems` as the error, else N by LU decomposition of
/// (I − Q) with partial pivoting (a clear, commented LU for ≤ 20×20; no external crate), then
/// B, t, days, reach, newcomer aggregates. Any non-finite result → Err(TooLarge).
///
/// B, t and the days are solved directly from (I − Q)·x = column (one more substitution each),
/// which keeps them exact where the chain is a straight funnel: `from_funnel` gives
/// `buy == funnel.probabilities()` bit for bit. `Err(TooLarge)` also covers a solve that is
/// meaningless in f64: a zero pivot, or a state's expected visits to itself below ½
/// (mathematically N[i][i] ≥ 1); both only happen when the exits are within rounding of 0.
///
/// # Examples
/// ```
/// use tragt::calc::markov::{solve, Chain};
/// // state 0: on to 1 at 50 %, lost 50 %; state 1: back to 0 at 20 %, buys 60 %, lost 20 %
/// let chain = Chain {
///     q: vec![vec![0.0, 0.5], vec![0.2, 0.0]],
///     buy: vec![0.0, 0.6],
///     lost: vec![0.5, 0.2],
///     entry: vec![1.0, 0.0],
///     days: vec![2.0, 3.0],
/// };
/// let s = solve(&chain).unwrap();
/// // I − Q = [[1, −0.5], [−0.2, 1]], det = 1 − 0.1 = 0.9, N = [[1, 0.5], [0.2, 1]] / 0.9
/// assert!((s.visits[0][1] - 0.5 / 0.9).abs() < 1e-12);
/// // buy from 0 = N[0][1] · 0.6 = (0.5 / 0.9) · 0.6 = 1/3
/// assert!((s.buy[0] - 1.0 / 3.0).abs() < 1e-12);
/// // steps from 0 = (1 + 0.5) / 0.9 = 5/3; days = (1 · 2 + 0.5 · 3) / 0.9 = 35/9
/// assert!((s.steps[0] - 5.0 / 3.0).abs() < 1e-12);
/// assert!((s.newcomer_days - 35.0 / 9.0).abs() < 1e-12);
/// ```
pub fn solve(chain: &Chain) -> Result<Solution, ChainError> {
    if let Some(first) = problems(chain).into_iter().next() {
        return Err(first);
    }
    let scaled = exact_rows(chain);
    let chain = scaled.as_ref().unwrap_or(chain);
    let n = chain.q.len();

    // I − Q, built as δ_ij − q_ij so that a 0 of Q gives an exact 0 and a diagonal of 1.
    let mut a = Vec::with_capacity(n * n);
    for (i, row) in chain.q.iter().enumerate() {
        a.extend(row.iter().enumerate().map(|(j, &q)| if i == j { 1.0 - q } else { 0.0 - q }));
    }
    let lu = Lu::new(a, n).ok_or(ChainError::TooLarge)?;

    // Column j of N solves (I − Q)·x = e_j.
    let mut visits = vec![vec![0.0; n]; n];
    let mut column = vec![0.0; n];
    for j in 0..n {
        lu.solve_unit_into(j, &mut column);
        for (row, x) in visits.iter_mut().zip(&column) {
            row[j] = x + 0.0;
        }
    }
    all_finite(visits.iter().flatten())?;
    if (0..n).any(|i| visits[i][i] < 0.5) {
        return Err(ChainError::TooLarge);
    }

    // chances: a nearly closed loop solves with a relative error of about 1e-16 times its
    // expected visits, which must not show as a chance past 0 or 100 %
    let chance = super::limits::fraction;
    let buy: Vec<f64> = lu.solve(&chain.buy).into_iter().map(chance).collect();
    let lost: Vec<f64> = lu.solve(&chain.lost).into_iter().map(chance).collect();
    let steps = lu.solve(&vec![1.0; n]);
    let days = lu.solve(&chain.days);
    let reach: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| if i == j { 1.0 } else { visits[i][j] / visits[j][j] + 0.0 }).collect())
        .collect();

    let e = &chain.entry;
    let newcomer_visits: Vec<f64> = (0..n).map(|j| e.iter().zip(&visits).map(|(es, row)| es * row[j]).sum()).collect();
    let newcomer_reach: Vec<f64> = (0..n).map(|j| e.iter().zip(&reach).map(|(es, row)| es * row[j]).sum()).collect();
    let solution = Solution {
        newcomer_buy: weighted(e, &buy),
        newcomer_steps: weighted(e, &steps),
        newcomer_days: weighted(e, &days),
        visits,
        buy,
        lost,
        steps,
        days,
        reach,
        newcomer_visits,
        newcomer_reach,
    };

    all_finite(
        [
            &solution.buy,
            &solution.lost,
            &solution.steps,
            &solution.days,
            &solution.newcomer_visits,
            &solution.newcomer_reach,
        ]
        .into_iter()
        .flatten()
        .chain(solution.reach.iter().flatten())
        .chain([&solution.newcomer_buy, &solution.newcomer_steps, &solution.newcomer_days]),
    )?;
    Ok(solution)
}

/// The same chain with a share ρ (0..=1) of every state's lost people brought back to state
/// `to` (drip campaigns, cart reminders: MODELS.md §1.6): q[i][to] += ρ·lost[i],
/// lost[i] = (1 − ρ)·lost[i], for the states from `from` on (automated messages reach only
/// people who left contact details: from the lead stage on). Row sums are unchanged. ρ outside 0..=1 or not finite, or `to`
/// out of range, returns the chain unchanged.
///
/// # Examples
/// ```
/// use tragt::calc::markov::{with_recovery, Chain};
/// let chain = Chain {
///     q: vec![vec![0.0, 0.5], vec![0.0, 0.0]],
///     buy: vec![0.0, 0.6],
///     lost: vec![0.5, 0.4],
///     entry: vec![1.0, 0.0],
///     days: vec![0.0, 0.0],
/// };
/// // half of the lost come back to state 0: 0.5 · 0.5 = 0.25 and 0.5 · 0.4 = 0.2
/// let back = with_recovery(&chain, 0.5, 0, 0);
/// assert_eq!(back.q, vec![vec![0.25, 0.5], vec![0.2, 0.0]]);
/// assert_eq!(back.lost, vec![0.25, 0.2]);
/// assert_eq!(with_recovery(&chain, 1.5, 0, 0), chain);
/// ```
pub fn with_recovery(chain: &Chain, share: f64, to: usize, from: usize) -> Chain {
    let mut out = chain.clone();
    if !is_fraction(share) || to >= chain.q.len() {
        return out;
    }
    for (row, lost) in out.q.iter_mut().zip(out.lost.iter_mut()).skip(from) {
        if let Some(slot) = row.get_mut(to) {
            *slot += share * *lost;
            *lost *= 1.0 - share;
        }
    }
    out
}

/// The straight funnel as a chain: for i < purchase, state i moves on to i+1 with the rate into
/// i+1 (`funnel.rate_into(i + 1)`) and is lost otherwise (lost = 1 − rate); the purchase stage
/// and every stage after it buy with chance 1 (reaching the purchase stage is buying; later
/// stages are customers already). Everyone enters at state 0. Days all 0.
///
/// # Examples
/// ```
/// use tragt::calc::markov::{from_funnel, solve};
/// use tragt::calc::{Funnel, Rate};
/// // 10 % become leads, 50 % of leads buy: 0.1 · 0.5 = 0.05
/// let f = Funnel::new(1000.0, vec![Rate::new(0.1).unwrap(), Rate::new(0.5).unwrap()], 1, 2);
/// let s = solve(&from_funnel(&f)).unwrap();
/// assert_eq!(s.buy, f.probabilities());
/// assert_eq!(s.newcomer_buy, 0.05);
/// ```
pub fn from_funnel(funnel: &Funnel) -> Chain {
    let n = funnel.len();
    let purchase = funnel.purchase();
    let mut q = vec![vec![0.0; n]; n];
    let mut buy = vec![0.0; n];
    let mut lost = vec![0.0; n];
    for i in 0..n {
        if i < purchase && i + 1 < n {
            let rate = funnel.rate_into(i + 1).map_or(0.0, |r| r.get());
            q[i][i + 1] = rate;
            lost[i] = 1.0 - rate;
        } else {
            buy[i] = 1.0;
        }
    }
    let mut entry = vec![0.0; n];
    entry[0] = 1.0;
    Chain { q, buy, lost, entry, days: vec![0.0; n] }
}

/// The chain with every row scaled to sum to exactly 1, or `None` when they all do. A row
/// may miss 1 by up to [`TOLERANCE`]; in a loop that is nearly closed, the visits multiply
/// that miss until a chance to buy exceeds 100 %. (A funnel's rows, r and 1 − r, always
/// sum to exactly 1 in floating point, so a funnel is never scaled.)
fn exact_rows(chain: &Chain) -> Option<Chain> {
    let n = chain.q.len();
    if (0..n).all(|i| chain.row_sum(i) == 1.0) {
        return None;
    }
    let mut exact = chain.clone();
    for i in 0..n {
        let s = chain.row_sum(i);
        if s != 1.0 && s > 0.0 {
            exact.q[i].iter_mut().for_each(|q| *q /= s);
            exact.buy[i] /= s;
            exact.lost[i] /= s;
        }
    }
    Some(exact)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::Rate;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12
    }

    fn assert_all_close(got: &[f64], want: &[f64]) {
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert!(close(*g, *w), "{got:?} vs {want:?}");
        }
    }

    /// State 0 → 1 at 0.5, lost 0.5; state 1 → 0 at 0.2, buy 0.6, lost 0.2.
    fn back_step() -> Chain {
        Chain {
            q: vec![vec![0.0, 0.5], vec![0.2, 0.0]],
            buy: vec![0.0, 0.6],
            lost: vec![0.5, 0.2],
            entry: vec![0.75, 0.25],
            days: vec![2.0, 3.0],
        }
    }

    /// State 0 → 1 at 0.5, skips to 2 at 0.2, lost 0.3; state 1 → back to 0 at 0.1, → 2 at
    /// 0.4, lost 0.5; state 2 buys 0.5, lost 0.5.
    fn skip_and_back() -> Chain {
        Chain {
            q: vec![vec![0.0, 0.5, 0.2], vec![0.1, 0.0, 0.4], vec![0.0, 0.0, 0.0]],
            buy: vec![0.0, 0.0, 0.5],
            lost: vec![0.3, 0.5, 0.5],
            entry: vec![1.0, 0.0, 0.0],
            days: vec![1.0, 10.0, 5.0],
        }
    }

    #[test]
    fn two_states_with_a_back_step_by_hand() {
        let s = solve(&back_step()).unwrap();
        // I − Q = [[1, −0.5], [−0.2, 1]], det = 1 · 1 − 0.5 · 0.2 = 0.9
        // N = (1/0.9) · [[1, 0.5], [0.2, 1]] = [[10/9, 5/9], [2/9, 10/9]]
        assert_all_close(&s.visits[0], &[10.0 / 9.0, 5.0 / 9.0]);
        assert_all_close(&s.visits[1], &[2.0 / 9.0, 10.0 / 9.0]);
        // buy = N · [0, 0.6] = [5/9 · 0.6, 10/9 · 0.6] = [1/3, 2/3]
        assert_all_close(&s.buy, &[1.0 / 3.0, 2.0 / 3.0]);
        // lost = N · [0.5, 0.2] = [10/9 · 0.5 + 5/9 · 0.2, 2/9 · 0.5 + 10/9 · 0.2] = [6/9, 3/9]
        assert_all_close(&s.lost, &[2.0 / 3.0, 1.0 / 3.0]);
        // steps = N · 1 = [15/9, 12/9]
        assert_all_close(&s.steps, &[5.0 / 3.0, 4.0 / 3.0]);
        // days = N · [2, 3] = [(20 + 15)/9, (4 + 30)/9]
        assert_all_close(&s.days, &[35.0 / 9.0, 34.0 / 9.0]);
        // reach: h01 = (5/9) / (10/9) = 0.5 (the direct step), h10 = (2/9) / (10/9) = 0.2
        assert_all_close(&s.reach[0], &[1.0, 0.5]);
        assert_all_close(&s.reach[1], &[0.2, 1.0]);
        // newcomers, e = [0.75, 0.25]:
        // buy = 0.75 · 1/3 + 0.25 · 2/3 = 1/4 + 1/6 = 5/12
        assert!(close(s.newcomer_buy, 5.0 / 12.0));
        // steps = 0.75 · 5/3 + 0.25 · 4/3 = 5/4 + 1/3 = 19/12
        assert!(close(s.newcomer_steps, 19.0 / 12.0));
        // days = 0.75 · 35/9 + 0.25 · 34/9 = (105 + 34) / 36 = 139/36
        assert!(close(s.newcomer_days, 139.0 / 36.0));
        // visits = e·N = [0.75 · 10/9 + 0.25 · 2/9, 0.75 · 5/9 + 0.25 · 10/9] = [32/36, 25/36]
        assert_all_close(&s.newcomer_visits, &[8.0 / 9.0, 25.0 / 36.0]);
        // reach = [0.75 · 1 + 0.25 · 0.2, 0.75 · 0.5 + 0.25 · 1] = [0.8, 0.625]
        assert_all_close(&s.newcomer_reach, &[0.8, 0.625]);
    }

    #[test]
    fn three_states_with_a_skip_and_a_back_step_by_hand() {
        let s = solve(&skip_and_back()).unwrap();
        // State 2 only exits, so row 2 of N is [0, 0, 1]. The top-left block of I − Q is
        // A = [[1, −0.5], [−0.1, 1]], det = 1 − 0.05 = 0.95, A⁻¹ = [[1, 0.5], [0.1, 1]] / 0.95
        //   = [[20/19, 10/19], [2/19, 20/19]].
        // Column 2: A⁻¹ · [0.2, 0.4] = [(0.2 + 0.2) / 0.95, (0.02 + 0.4) / 0.95] = [8/19, 42/95].
        assert_all_close(&s.visits[0], &[20.0 / 19.0, 10.0 / 19.0, 8.0 / 19.0]);
        assert_all_close(&s.visits[1], &[2.0 / 19.0, 20.0 / 19.0, 42.0 / 95.0]);
        assert_all_close(&s.visits[2], &[0.0, 0.0, 1.0]);
        // buy = N · [0, 0, 0.5] = [4/19, 21/95, 0.5]
        // (check from 0: b0 = 0.5 b1 + 0.2 · 0.5, b1 = 0.1 b0 + 0.4 · 0.5 → 0.95 b0 = 0.2)
        assert_all_close(&s.buy, &[4.0 / 19.0, 21.0 / 95.0, 0.5]);
        // lost = N · [0.3, 0.5, 0.5]: (6 + 5 + 4)/19 = 15/19; (3 + 50 + 21)/95 = 74/95; 0.5
        assert_all_close(&s.lost, &[15.0 / 19.0, 74.0 / 95.0, 0.5]);
        // steps = N · 1: (20 + 10 + 8)/19 = 2; (10 + 100 + 42)/95 = 1.6; 1
        assert_all_close(&s.steps, &[2.0, 1.6, 1.0]);
        // days = N · [1, 10, 5]: (20 + 100 + 40)/19 = 160/19; (10 + 1000 + 210)/95 = 1220/95; 5
        assert_all_close(&s.days, &[160.0 / 19.0, 1220.0 / 95.0, 5.0]);
        // reach: h01 = (10/19) / (20/19) = 0.5; h02 = 8/19 = 0.2 + 0.5 · h12;
        // h10 = (2/19) / (20/19) = 0.1; h12 = 42/95 = 0.4 + 0.1 · 8/19; from 2 nothing
        assert_all_close(&s.reach[0], &[1.0, 0.5, 8.0 / 19.0]);
        assert_all_close(&s.reach[1], &[0.1, 1.0, 42.0 / 95.0]);
        assert_all_close(&s.reach[2], &[0.0, 0.0, 1.0]);
        // everyone enters at 0: the newcomer figures are row 0
        assert!(close(s.newcomer_buy, 4.0 / 19.0));
        assert!(close(s.newcomer_steps, 2.0));
        assert!(close(s.newcomer_days, 160.0 / 19.0));
        assert_all_close(&s.newcomer_visits, &s.visits[0]);
        assert_all_close(&s.newcomer_reach, &s.reach[0]);
    }

    #[test]
    fn everyone_buys_or_is_lost() {
        // 1/3 + 2/3, 2/3 + 1/3; 4/19 + 15/19, 21/95 + 74/95, 0.5 + 0.5
        for chain in [back_step(), skip_and_back()] {
            let s = solve(&chain).unwrap();
            for (b, l) in s.buy.iter().zip(&s.lost) {
                assert!(close(b + l, 1.0), "{b} + {l}");
            }
        }
    }

    #[test]
    fn a_loop_without_exit_is_a_trap() {
        // state 0 → 1 at 0.5, lost 0.5; 1 → 2 at 1; 2 → 1 at 1: 1 and 2 never leave
        let chain = Chain {
            q: vec![vec![0.0, 0.5, 0.0], vec![0.0, 0.0, 1.0], vec![0.0, 1.0, 0.0]],
            buy: vec![0.0; 3],
            lost: vec![0.5, 0.0, 0.0],
            entry: vec![1.0, 0.0, 0.0],
            days: vec![0.0; 3],
        };
        assert_eq!(problems(&chain), vec![ChainError::Trap { states: vec![1, 2] }]);
        assert_eq!(solve(&chain), Err(ChainError::Trap { states: vec![1, 2] }));
    }

    #[test]
    fn a_self_loop_of_one_is_a_trap() {
        // state 1 stays in state 1 with chance 1; state 0 can reach 1 but also exits
        let chain = Chain {
            q: vec![vec![0.0, 0.5], vec![0.0, 1.0]],
            buy: vec![0.5, 0.0],
            lost: vec![0.0, 0.0],
            entry: vec![1.0, 0.0],
            days: vec![0.0; 2],
        };
        assert_eq!(solve(&chain), Err(ChainError::Trap { states: vec![1] }));
    }

    #[test]
    fn sums_that_miss_one_are_reported_with_the_sum() {
        let mut chain = back_step();
        // row 1: 0.2 + 0.6 + 0.3 = 1.1; entry: 0.75 + 0.5 = 1.25
        chain.lost[1] = 0.3;
        chain.entry[1] = 0.5;
        let p = problems(&chain);
        assert_eq!(p.len(), 2);
        match &p[0] {
            ChainError::RowSum { state: 1, sum } => assert!(close(*sum, 1.1), "{sum}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(p[1], ChainError::EntrySum { sum: 1.25 });
        // the first problem is the error
        assert!(matches!(solve(&chain), Err(ChainError::RowSum { state: 1, .. })));
    }

    #[test]
    fn numbers_outside_zero_to_one_are_out_of_range() {
        for bad in [-0.1, 1.2, f64::NAN, f64::INFINITY] {
            let mut chain = back_step();
            chain.q[1][0] = bad;
            assert_eq!(problems(&chain), vec![ChainError::OutOfRange { state: 1 }], "{bad}");
            let mut chain = back_step();
            chain.buy[0] = bad;
            assert_eq!(problems(&chain)[0], ChainError::OutOfRange { state: 0 }, "{bad}");
        }
        // entry shares and days too (a negative day count; 1.2 entry share)
        let mut chain = back_step();
        chain.days[0] = -1.0;
        assert_eq!(problems(&chain), vec![ChainError::OutOfRange { state: 0 }]);
        let mut chain = back_step();
        chain.entry = vec![1.2, -0.2];
        assert_eq!(problems(&chain), vec![ChainError::OutOfRange { state: 0 }, ChainError::OutOfRange { state: 1 }]);
        // a NaN share: no EntrySum with a NaN sum, the share is out of range already
        chain.entry = vec![f64::NAN, 0.25];
        assert_eq!(problems(&chain), vec![ChainError::OutOfRange { state: 0 }]);
    }

    #[test]
    fn a_wrong_shape_is_reported_alone() {
        let mut short = back_step();
        short.days.pop();
        assert_eq!(problems(&short), vec![ChainError::Shape]);
        let mut ragged = back_step();
        ragged.q[1].push(0.0);
        assert_eq!(solve(&ragged), Err(ChainError::Shape));
        let empty = Chain { q: vec![], buy: vec![], lost: vec![], entry: vec![], days: vec![] };
        assert_eq!(problems(&empty), vec![ChainError::Shape]);
        // 21 states, each buying at once: valid except for the count
        let mut big = Chain {
            q: vec![vec![0.0; 21]; 21],
            buy: vec![1.0; 21],
            lost: vec![0.0; 21],
            entry: vec![0.0; 21],
            days: vec![0.0; 21],
        };
        big.entry[0] = 1.0;
        assert_eq!(problems(&big), vec![ChainError::Shape]);
        // 20 is fine
        big.q = vec![vec![0.0; 20]; 20];
        for v in [&mut big.buy, &mut big.lost, &mut big.entry, &mut big.days] {
            v.pop();
        }
        assert_eq!(problems(&big), vec![]);
    }

    #[test]
    fn typed_thirds_are_within_tolerance() {
        // 0.3333 + 0.3333 + 0.3334 = 1 up to rounding (|sum − 1| ≈ 1e-16 ≤ 1e-9)
        let thirds = vec![0.3333, 0.3333, 0.3334];
        let chain = Chain {
            q: vec![vec![0.0, 0.3333, 0.3333], vec![0.0; 3], vec![0.0; 3]],
            buy: vec![0.3334, 1.0, 1.0],
            lost: vec![0.0; 3],
            entry: thirds,
            days: vec![0.0; 3],
        };
        assert_eq!(problems(&chain), vec![]);
        let s = solve(&chain).unwrap();
        // from 0 everyone buys (every path ends in buy): 1; newcomers 1
        assert!(close(s.buy[0], 1.0) && close(s.newcomer_buy, 1.0));
        // but 1e-8 off is not
        let mut off = chain.clone();
        off.buy[0] = 0.3334 + 1e-8;
        assert!(matches!(problems(&off)[..], [ChainError::RowSum { state: 0, .. }]));
    }

    #[test]
    fn recovery_raises_the_chance_to_buy_by_hand() {
        // state 0 → 1 at 0.5, lost 0.5; state 1 buys 0.6, lost 0.4: buy from 0 = 0.5 · 0.6 = 0.3
        let chain = Chain {
            q: vec![vec![0.0, 0.5], vec![0.0, 0.0]],
            buy: vec![0.0, 0.6],
            lost: vec![0.5, 0.4],
            entry: vec![1.0, 0.0],
            days: vec![0.0; 2],
        };
        assert!(close(solve(&chain).unwrap().newcomer_buy, 0.3));
        // half of the lost back to state 0: q00 = 0.25, lost0 = 0.25; q10 = 0.2, lost1 = 0.2
        let back = with_recovery(&chain, 0.5, 0, 0);
        assert_eq!(back.q, vec![vec![0.25, 0.5], vec![0.2, 0.0]]);
        assert_eq!(back.lost, vec![0.25, 0.2]);
        // rows still sum to 1: 0.25 + 0.5 + 0.25; 0.2 + 0.6 + 0.2
        assert_eq!(problems(&back), vec![]);
        // b0 = 0.25 b0 + 0.5 b1, b1 = 0.2 b0 + 0.6 → 0.75 b0 = 0.1 b0 + 0.3 → b0 = 0.3 / 0.65 = 6/13
        let s = solve(&back).unwrap();
        assert!(close(s.newcomer_buy, 6.0 / 13.0));
        // a rise of 6/13 − 3/10 = (60 − 39)/130 = 21/130 ≈ 16.2 points
        assert!(close(s.newcomer_buy - 0.3, 21.0 / 130.0));
    }

    #[test]
    fn full_recovery_without_another_exit_is_a_trap() {
        // state 0 → 1 at 0.5, lost 0.5; state 1 lost 1: nobody ever buys. Bringing every lost
        // person back to 0 leaves no exit at all.
        let chain = Chain {
            q: vec![vec![0.0, 0.5], vec![0.0, 0.0]],
            buy: vec![0.0, 0.0],
            lost: vec![0.5, 1.0],
            entry: vec![1.0, 0.0],
            days: vec![0.0; 2],
        };
        let back = with_recovery(&chain, 1.0, 0, 0);
        assert_eq!(back.lost, vec![0.0, 0.0]);
        assert_eq!(solve(&back), Err(ChainError::Trap { states: vec![0, 1] }));
    }

    #[test]
    fn bad_recovery_changes_nothing() {
        let chain = back_step();
        for share in [-0.1, 1.1, f64::NAN, f64::INFINITY] {
            assert_eq!(with_recovery(&chain, share, 0, 0), chain);
        }
        assert_eq!(with_recovery(&chain, 0.5, 2, 0), chain);
    }

    #[test]
    fn exits_too_small_to_matter_never_give_nan_or_infinity() {
        // 1 − 1e-300 rounds to 1: I − Q has a 0 pivot
        let chain = Chain {
            q: vec![vec![1.0 - 1e-300]],
            buy: vec![1e-300],
            lost: vec![0.0],
            entry: vec![1.0],
            days: vec![1.0],
        };
        assert_eq!(problems(&chain), vec![]);
        assert_eq!(solve(&chain), Err(ChainError::TooLarge));
        // two states passing people back and forth, the only exit 1e-300
        let chain = Chain {
            q: vec![vec![0.0, 1.0], vec![1.0 - 1e-300, 0.0]],
            buy: vec![0.0, 1e-300],
            lost: vec![0.0, 0.0],
            entry: vec![1.0, 0.0],
            days: vec![0.0; 2],
        };
        assert_eq!(solve(&chain), Err(ChainError::TooLarge));
        // an exit of 1e-12 is tiny but solvable: about 1e12 visits, all finite
        let chain = Chain { q: vec![vec![1.0 - 1e-12]], buy: vec![1e-12], ..chain_of_one() };
        let s = solve(&chain).unwrap();
        assert!((s.steps[0] / 1e12 - 1.0).abs() < 1e-3 && s.buy[0].is_finite());
    }

    #[test]
    fn rows_over_one_within_tolerance_are_scaled_before_solving() {
        // q = [[0.5, 0.5 + 1e-10], [0.5 + 1e-10 − 1e-12, 0.5]], exit 1e-12: every row sums to
        // 1 + 1e-10 (accepted). As typed, Q's largest eigenvalue is ≈ 1 + 1e-10 > 1, so
        // (I − Q)⁻¹ would have negative visits: det(I − Q) = 0.25 − (0.5 + 1e-10)² < 0.
        // Scaled to sum to 1, the loop leaks 1e-12 / (1 + 1e-10) per visit of state 2:
        // about 2e12 steps, nobody lost, so everyone buys — a chance of exactly 1 at most.
        let chain = Chain {
            q: vec![vec![0.5, 0.5 + 1e-10], vec![0.5 + 1e-10 - 1e-12, 0.5]],
            buy: vec![0.0, 1e-12],
            lost: vec![0.0, 0.0],
            entry: vec![1.0, 0.0],
            days: vec![0.0; 2],
        };
        assert_eq!(problems(&chain), vec![]);
        let s = solve(&chain).unwrap();
        assert!(s.visits.iter().flatten().all(|&v| v > 0.0));
        assert!(s.newcomer_buy <= 1.0 && s.newcomer_buy > 1.0 - 1e-3, "{}", s.newcomer_buy);
        assert!((s.newcomer_steps / 2e12 - 1.0).abs() < 1e-3);
    }

    fn chain_of_one() -> Chain {
        Chain { q: vec![vec![0.0]], buy: vec![1.0], lost: vec![0.0], entry: vec![1.0], days: vec![0.0] }
    }

    #[test]
    fn web_shop_funnel_buys_exactly_as_the_funnel_says() {
        // 50 000 at the top; 40 %, 12 %, 35 %, 60 %; purchase at index 4
        let rates = [0.4, 0.12, 0.35, 0.6].map(|r| Rate::new(r).unwrap()).to_vec();
        let f = Funnel::new(50_000.0, rates, 2, 4);
        let chain = from_funnel(&f);
        // state 0: on at 0.4, lost 0.6; ... state 3: on at 0.6, lost 0.4; state 4 buys
        assert_eq!(chain.q[0][1], 0.4);
        assert_eq!(chain.lost[0], 0.6);
        assert_eq!(chain.buy, vec![0.0, 0.0, 0.0, 0.0, 1.0]);
        let s = solve(&chain).unwrap();
        // back substitution: b4 = 1, b3 = 0.6 · 1, b2 = 0.35 · b3, b1 = 0.12 · b2, b0 = 0.4 · b1,
        // the same products as P_i = c_i · P_{i+1}: b0 = 0.4 · (0.12 · (0.35 · 0.6)) ≈ 0.01008
        assert_eq!(s.buy, f.probabilities());
        assert_eq!(s.buy[0], 0.4 * (0.12 * (0.35 * 0.6)));
        assert!((s.buy[0] - 0.01008).abs() < 1e-15);
        assert_eq!(s.newcomer_buy, s.buy[0]);
        // steps from 0: 1 + 0.4 + 0.4 · 0.12 + 0.4 · 0.12 · 0.35 + 0.01008 = 1.47488
        assert!(close(s.steps[0], 1.0 + 0.4 + 0.048 + 0.0168 + 0.01008));
    }

    #[test]
    fn stages_after_purchase_buy_at_once() {
        // purchase at index 1 of 3: state 1 and 2 buy with chance 1
        let rates = [0.2, 0.4].map(|r| Rate::new(r).unwrap()).to_vec();
        let f = Funnel::new(100.0, rates, 0, 1);
        let chain = from_funnel(&f);
        assert_eq!(chain.buy, vec![0.0, 1.0, 1.0]);
        assert_eq!(chain.q[1], vec![0.0; 3]);
        assert_eq!(solve(&chain).unwrap().buy, vec![0.2, 1.0, 1.0]);
    }

    #[test]
    fn rows_within_the_tolerance_never_give_a_chance_above_one() {
        // Two states in a loop that is almost closed. Row 1 sums to 1 + 0.9e-9 (within the
        // tolerance), row 2 sends all but 1e-14 back. Unscaled, the 0.9e-9 excess is
        // multiplied by ~1e14 expected visits: a "chance" near 90 000. Scaled, nobody is
        // lost, so everyone buys at last: exactly 1.
        let chain = Chain {
            q: vec![vec![0.0, 1.0], vec![1.0 - 1e-14, 0.0]],
            buy: vec![0.9e-9, 1e-14],
            lost: vec![0.0, 0.0],
            entry: vec![1.0, 0.0],
            days: vec![0.0, 0.0],
        };
        assert!(problems(&chain).is_empty());
        let s = solve(&chain).unwrap();
        assert!(s.newcomer_buy <= 1.0 + 1e-9, "chance to buy {}", s.newcomer_buy);
        assert!((s.newcomer_buy - 1.0).abs() < 1e-6);
    }

    #[test]
    fn a_unit_column_solves_bit_for_bit_as_the_full_substitution() {
        // A dense 7-state chain whose LU swaps rows (later rows have larger first entries),
        // next to the straight web shop funnel: every column of N from the shortened
        // substitution equals the full one to the last bit.
        let n = 7;
        let mut q: Vec<Vec<f64>> = (0..n)
            .map(|i| (0..n).map(|j| if i == j { 0.0 } else { (1 + (i * 5 + j * 3) % 7) as f64 / 60.0 }).collect())
            .collect();
        // a self-loop of 0.6 on state 0 and 0.7 from state 3 back to it: in I − Q column 0,
        // |−0.7| beats the diagonal's 0.4, so the decomposition swaps rows
        q[0][0] = 0.6;
        q[0][1..].iter_mut().for_each(|x| *x /= 4.0);
        q[3].iter_mut().for_each(|x| *x /= 4.0);
        q[3][0] = 0.7;
        let dense = Chain {
            buy: (0..n).map(|i| 0.1 - q[i].iter().sum::<f64>() / 10.0).collect(),
            lost: (0..n).map(|i| 0.9 - q[i].iter().sum::<f64>() * 0.9).collect(),
            q,
            entry: vec![1.0 / n as f64; n],
            days: vec![1.0; n],
        };
        let rates = [0.5, 0.07, 0.5, 0.7].map(|r| Rate::new(r).unwrap()).to_vec();
        let funnel = from_funnel(&Funnel::new(40000.0, rates, 3, 4));
        for chain in [dense, funnel] {
            let n = chain.q.len();
            let mut a = Vec::new();
            for (i, row) in chain.q.iter().enumerate() {
                a.extend(row.iter().enumerate().map(|(j, &q)| if i == j { 1.0 - q } else { 0.0 - q }));
            }
            let lu = Lu::new(a, n).unwrap();
            assert_eq!(
                lu.perm.iter().enumerate().all(|(i, &r)| i == r),
                n == 5,
                "rows swapped for the dense chain only"
            );
            let (mut full, mut short) = (vec![0.0; n], vec![0.0; n]);
            for j in 0..n {
                let mut unit = vec![0.0; n];
                unit[j] = 1.0;
                lu.solve_into(&unit, &mut full);
                lu.solve_unit_into(j, &mut short);
                let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&full), bits(&short), "column {j}");
            }
        }
    }
}
