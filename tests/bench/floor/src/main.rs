//! Two number inputs and the figure they make: the least a funnel calculator's first screen
//! needs from Leptos (signals, a memo, events, text and property updates, mounting).
use leptos::prelude::*;

#[component]
fn Floor() -> impl IntoView {
    let (people, set_people) = signal(40000.0_f64);
    let (rate, set_rate) = signal(50.0_f64);
    let next = Memo::new(move |_| people.get() * rate.get() / 100.0);
    view! {
        <input type="number" prop:value=move || people.get().to_string()
            on:input=move |ev| set_people.set(event_target_value(&ev).parse().unwrap_or(0.0)) />
        <input type="number" prop:value=move || rate.get().to_string()
            on:input=move |ev| set_rate.set(event_target_value(&ev).parse().unwrap_or(0.0)) />
        <p data-testid="out-customers" data-value=move || next.get().to_string()>{move || next.get().to_string()}</p>
    }
}

fn main() {
    leptos::mount::mount_to_body(Floor)
}
