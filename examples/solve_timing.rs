//! Times one Markov `solve` of a dense 20-state chain, natively:
//! `cargo run --release --example solve_timing`.

use tragt::calc::markov::{solve, Chain};

fn main() {
    // A fixed dense chain from a small linear congruential generator: every q > 0, exit 5 %.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 11) as f64 / (1u64 << 53) as f64) + 1e-3
    };
    let n = 20;
    let q: Vec<Vec<f64>> = (0..n)
        .map(|_| {
            let w: Vec<f64> = (0..n).map(|_| next()).collect();
            let sum: f64 = w.iter().sum();
            w.iter().map(|x| x / sum * 0.95).collect()
        })
        .collect();
    let chain =
        Chain { q, buy: vec![0.02; n], lost: vec![0.03; n], entry: vec![1.0 / n as f64; n], days: vec![3.0; n] };
    assert!(solve(&chain).is_ok());
    let rounds = 20_000;
    let start = std::time::Instant::now();
    let mut total = 0.0;
    for _ in 0..rounds {
        total += std::hint::black_box(solve(std::hint::black_box(&chain))).map_or(0.0, |s| s.newcomer_buy);
    }
    let per = start.elapsed() / rounds;
    println!("solve, dense 20 states: {per:?} per call ({rounds} calls, checksum {total})");
}
