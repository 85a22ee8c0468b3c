//! Properties of the journey as an absorbing Markov chain (MODELS.md §3.8) that must hold for
//! any input (proptest).

use proptest::prelude::*;

#[allow(dead_code)] // only the funnel generator is used here, not the money one
mod strategies;
use tragt::calc::markov::{from_funnel, problems, solve, with_recovery, Chain, ChainError, Solution};

/// Non-negative weights, a quarter of them exactly 0 (sparse rows, like real journeys).
fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(0.0), 3 => 0.0f64..=1.0]
}

/// `w` scaled to sum to `total`; all of it on element `fallback` when the weights are all 0.
fn normalised(w: &[f64], total: f64, fallback: usize) -> Vec<f64> {
    let sum: f64 = w.iter().sum();
    if sum > 0.0 {
        w.iter().map(|x| x / sum * total).collect()
    } else {
        let mut out = vec![0.0; w.len()];
        out[fallback] = total;
        out
    }
}

/// A solvable chain of 1 to 20 states: each state exits (buys or is lost) with at least 1 %,
/// the rest of its row goes to random other states (the diagonal included); entry shares
/// random, normalised; days 0 to 30.
fn chain() -> impl Strategy<Value = Chain> {
    (1usize..=20).prop_flat_map(|n| {
        (
            prop::collection::vec((prop::collection::vec(weight(), n), 0.01f64..=1.0, 0.0f64..=1.0), n),
            prop::collection::vec(weight(), n),
            prop::collection::vec(0.0f64..=30.0, n),
        )
            .prop_map(move |(rows, entry, days)| {
                let mut q = Vec::with_capacity(n);
                let (mut buy, mut lost) = (Vec::with_capacity(n), Vec::with_capacity(n));
                for (weights, exit, buy_part) in rows {
                    let moving = if weights.iter().sum::<f64>() > 0.0 { 1.0 - exit } else { 0.0 };
                    let exit = 1.0 - moving;
                    q.push(if moving > 0.0 { normalised(&weights, moving, 0) } else { vec![0.0; n] });
                    buy.push(exit * buy_part);
                    lost.push(exit - exit * buy_part);
                }
                Chain { q, buy, lost, entry: normalised(&entry, 1.0, 0), days }
            })
    })
}

/// Every number of a solution.
fn numbers(s: &Solution) -> Vec<f64> {
    let mut all: Vec<f64> = s.visits.iter().chain(&s.reach).flatten().copied().collect();
    for v in [&s.buy, &s.lost, &s.steps, &s.days, &s.newcomer_visits, &s.newcomer_reach] {
        all.extend(v.iter().copied());
    }
    all.extend([s.newcomer_buy, s.newcomer_steps, s.newcomer_days]);
    all
}

/// Any number at all, weighted towards the ones that break code.
fn wild() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.0f64..=1.0,
        2 => Just(0.0),
        1 => Just(1.0),
        1 => any::<f64>(),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(f64::MAX),
        1 => Just(f64::MIN_POSITIVE / 4.0),
        1 => Just(1e-300),
        1 => -1.0f64..0.0,
    ]
}

/// 20 × 20 chains of arbitrary numbers, sometimes with rows of other lengths.
fn wild_chain() -> impl Strategy<Value = Chain> {
    let v = || prop::collection::vec(wild(), 20);
    (prop::collection::vec(prop::collection::vec(wild(), 19..=21), 20), v(), v(), v(), v())
        .prop_map(|(q, buy, lost, entry, days)| Chain { q, buy, lost, entry, days })
}

/// A solvable chain with a few of its numbers replaced by arbitrary ones (mostly still valid
/// chances, so that `solve` gets past `problems` often).
fn damaged_chain() -> impl Strategy<Value = Chain> {
    (chain(), prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0..5u8, wild()), 1..4))
        .prop_map(|(mut c, damage)| {
            let n = c.q.len();
            for (i, j, field, x) in damage {
                let (i, j) = (i.index(n), j.index(n));
                match field {
                    0 => c.q[i][j] = x,
                    1 => c.buy[i] = x,
                    2 => c.lost[i] = x,
                    3 => c.entry[i] = x,
                    _ => c.days[i] = x,
                }
            }
            c
        })
}

/// Solves without panicking; an `Ok` has only finite numbers.
fn check_never_breaks(c: &Chain) -> Result<(), TestCaseError> {
    let p = problems(c);
    match solve(c) {
        Ok(s) => {
            prop_assert!(p.is_empty(), "{p:?}");
            prop_assert!(numbers(&s).iter().all(|x| x.is_finite()), "{s:?}");
            // chances stay chances, however close a loop comes to closing
            let chances = s.buy.iter().chain(&s.lost).chain([&s.newcomer_buy]);
            prop_assert!(chances.into_iter().all(|x| (0.0..=1.0).contains(x)), "{s:?}");
        }
        // the first problem, or TooLarge when there is none
        Err(e) => prop_assert_eq!(p.first().unwrap_or(&ChainError::TooLarge), &e),
    }
    Ok(())
}

proptest! {
    /// The straight funnel is the chain that only moves forwards (MODELS.md §3.8 with Q upper
    /// bidiagonal): the chance to buy from every stage is P_i of §3.5, bit for bit.
    #[test]
    fn a_funnel_chain_buys_exactly_as_the_funnel(f in strategies::funnel(1e6)) {
        let s = solve(&from_funnel(&f));
        prop_assert!(s.is_ok(), "{s:?}");
        let s = s.unwrap();
        let p = f.probabilities();
        prop_assert_eq!(s.buy.len(), p.len());
        for (i, (b, want)) in s.buy.iter().zip(&p).enumerate() {
            prop_assert!(b == want, "stage {}: {} vs {}", i, b, want);
        }
        prop_assert!(s.newcomer_buy == p[0]);
    }

    /// Everyone is absorbed: buy + lost = 1 from every state; chances stay chances; the
    /// diagonal of reach is 1.
    #[test]
    fn everyone_buys_or_is_lost(c in chain()) {
        prop_assert_eq!(problems(&c), vec![]);
        let s = solve(&c);
        prop_assert!(s.is_ok(), "{s:?}");
        let s = s.unwrap();
        prop_assert!(numbers(&s).iter().all(|x| x.is_finite()));
        for (i, (b, l)) in s.buy.iter().zip(&s.lost).enumerate() {
            prop_assert!((b + l - 1.0).abs() <= 1e-9, "state {}: {} + {}", i, b, l);
            prop_assert!(s.steps[i] >= 1.0 - 1e-9, "state {}: {} steps", i, s.steps[i]);
            prop_assert!(s.visits[i][i] >= 1.0 - 1e-9);
        }
        prop_assert!((-1e-12..=1.0 + 1e-12).contains(&s.newcomer_buy), "{}", s.newcomer_buy);
        for (i, row) in s.reach.iter().enumerate() {
            prop_assert_eq!(row[i], 1.0);
            for h in row {
                prop_assert!((-1e-9..=1.0 + 1e-9).contains(h), "{row:?}");
            }
        }
        for h in &s.newcomer_reach {
            prop_assert!((-1e-9..=1.0 + 1e-9).contains(h), "{:?}", s.newcomer_reach);
        }
    }

    /// A back-step only adds ways to stay in the journey: moving a share δ of state i's buy or
    /// lost chance to a step back to k < i never lowers the expected steps from any state
    /// (Q' ≥ Q elementwise, so N' ≥ N).
    #[test]
    fn a_back_step_never_shortens_the_journey(
        c in chain(),
        i in any::<prop::sample::Index>(),
        k in any::<prop::sample::Index>(),
        delta in 0.0f64..=1.0,
        from_buy in any::<bool>(),
    ) {
        let n = c.q.len();
        prop_assume!(n >= 2);
        let i = 1 + i.index(n - 1);
        let k = k.index(i);
        let mut back = c.clone();
        let mass = if from_buy { &mut back.buy[i] } else { &mut back.lost[i] };
        let moved = delta * *mass;
        *mass -= moved;
        back.q[i][k] += moved;
        let before = solve(&c).unwrap();
        let after = solve(&back);
        prop_assert!(after.is_ok(), "{after:?}");
        let after = after.unwrap();
        for (s, (b, a)) in before.steps.iter().zip(&after.steps).enumerate() {
            prop_assert!(*a >= b - 1e-9 * b.max(1.0), "state {}: {} → {}", s, b, a);
        }
    }

    /// Bringing lost people back (MODELS.md §1.6) never lowers a newcomer's chance to buy.
    #[test]
    fn recovery_never_lowers_the_chance_to_buy(c in chain(), share in 0.0f64..=1.0, to in any::<prop::sample::Index>()) {
        let to = to.index(c.q.len());
        let back = with_recovery(&c, share, to, 0);
        for (row, (b, l)) in back.q.iter().zip(back.buy.iter().zip(&back.lost)) {
            prop_assert!((row.iter().sum::<f64>() + b + l - 1.0).abs() <= 1e-12);
        }
        let before = solve(&c).unwrap().newcomer_buy;
        if let Ok(after) = solve(&back) {
            prop_assert!(after.newcomer_buy >= before - 1e-9, "{} → {}", before, after.newcomer_buy);
        }
    }

    /// The same for solvable chains with a few numbers damaged (these get past `problems`
    /// often, so the solve itself is exercised).
    #[test]
    fn damaged_chains_never_break_the_solve(c in damaged_chain()) {
        check_never_breaks(&c)?;
    }
}

proptest! {
    // 500 arbitrary numbers a case make these slow to generate; they hardly ever get past
    // `problems`, which `damaged_chains_never_break_the_solve` covers.
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Arbitrary numbers, NaN, ∞ and negatives included: no panic, and no NaN or ∞ in a
    /// solution.
    #[test]
    fn arbitrary_matrices_never_break_the_solve(c in wild_chain()) {
        check_never_breaks(&c)?;
    }
}
