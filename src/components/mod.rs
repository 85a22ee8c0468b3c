//! The UI: one public component per file, named after it. Components read the app
//! state through [`crate::state::use_app_state`] and change it only in event handlers.

pub mod app_header;
pub mod bottleneck_panel;
pub mod chart_canvas;
pub mod compare_view;
pub mod embed_frame;
pub mod figure;
pub mod funnel_chart;
pub mod goal_panel;
pub mod journey_panel;
pub mod money_panel;
pub mod notice_area;
pub mod number_field;
pub mod pipeline_panel;
pub mod referral_panel;
pub mod results_panel;
pub mod scenario_bar;
pub mod share_tools;
pub mod stage_list;
pub mod stage_row;
pub mod time_panel;
pub mod uncertainty_panel;

pub use app_header::AppHeader;
pub use bottleneck_panel::BottleneckPanel;
pub use chart_canvas::ChartCanvas;
pub use compare_view::CompareView;
pub use embed_frame::{EmbedFooter, EmbedLogo};
pub use figure::FigureCard;
pub use funnel_chart::FunnelChart;
pub use goal_panel::GoalPanel;
pub use journey_panel::JourneyPanel;
pub use money_panel::MoneyPanel;
pub use notice_area::NoticeArea;
pub use number_field::NumberField;
pub use pipeline_panel::PipelinePanel;
pub use referral_panel::ReferralPanel;
pub use results_panel::ResultsPanel;
pub use scenario_bar::ScenarioBar;
pub use share_tools::{ShareTools, SharedBanner};
pub use stage_list::StageList;
pub use stage_row::StageRow;
pub use time_panel::TimePanel;
pub use uncertainty_panel::UncertaintyPanel;
