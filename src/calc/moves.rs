//! A journey's moves: where the people in one stage go next (MODELS.md §3.8).

/// Where the people in one state of a journey go next, and how many newcomers start there
/// (fractions). A valid row sums to 1: `to` + `buy` + `lost`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Moves {
    /// To other stages, by stage id; no zero shares, never to the stage itself.
    pub to: Vec<(u32, f64)>,
    /// Buy next.
    pub buy: f64,
    /// Lost next.
    pub lost: f64,
    /// Share of newcomers who enter the journey here.
    pub entry: f64,
}

impl Moves {
    /// Nobody starts here, everybody here is lost: the row a new stage gets.
    pub fn lost() -> Moves {
        Moves { lost: 1.0, ..Moves::default() }
    }

    /// The share moving to the stage with id `to`.
    pub fn to(&self, to: u32) -> f64 {
        self.to.iter().find(|(id, _)| *id == to).map_or(0.0, |(_, p)| *p)
    }

    /// The row's sum: to other stages, buy and lost.
    pub fn sum(&self) -> f64 {
        self.to.iter().map(|(_, p)| p).sum::<f64>() + self.buy + self.lost
    }
}

/// Where a journey transition goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveTo {
    /// To the stage with this id.
    Stage(u32),
    /// Buy.
    Buy,
    /// Lost.
    Lost,
}
