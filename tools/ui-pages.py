#!/usr/bin/env python3
"""Writes the web UI's HTML pages (launcher/src/main/resources/static/*.html) from one frame, so
every page has the same header, skip link and landmarks. Run it after changing a page here."""
import pathlib

STATIC = pathlib.Path(__file__).resolve().parent.parent / 'launcher/src/main/resources/static'

FRAME = """<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – Learning Log</title>
<link rel="stylesheet" href="/css/app.css">
<link rel="icon" href="data:,">
<script type="module" src="/js/pages/{script}.js"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <div class="site-header-inner">
    <a class="site-name" href="/">Learning Log</a>
    <p id="who" class="who"></p>
  </div>
  <nav id="site-nav" class="site-nav" aria-label="Main"></nav>
</header>
<main id="main" tabindex="-1">
<h1 id="page-title">{heading}</h1>
<div id="status" role="status" aria-live="polite" class="notice" hidden></div>
{body}
</main>
<footer class="site-footer"><p>Learning Log keeps every change: nothing recorded is ever edited away.</p></footer>
</body>
</html>
"""

SUMMARY = '<div class="error-summary" tabindex="-1" role="alert" hidden></div>'

PAGES = {
'index': ('Home', 'Your programme', 'home', """
<p class="lead">Learning Log is where places write down what they notice, how they change what they do because of it, and how that learning travels.</p>
<section aria-labelledby="actions-title">
<h2 id="actions-title">What would you like to do?</h2>
<ul id="actions" class="action-grid"></ul>
</section>
<figure class="chart" id="home-chart"></figure>
<section aria-labelledby="places-title">
<h2 id="places-title">Places in this programme</h2>
<ul id="places" class="card-grid"></ul>
</section>
"""),

'sign-in': ('Sign in', 'Sign in', 'sign-in', """
<form id="sign-in-form" method="post" action="/sign-in" class="form narrow">
  <input type="hidden" name="_csrf" id="csrf" value="">
  <div class="field">
    <label for="username">Your user name</label>
    <input id="username" name="username" type="text" autocomplete="username" required>
  </div>
  <div class="field">
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
  </div>
  <button type="submit" class="button">Sign in</button>
</form>
"""),

'journey': ('Change journey', 'Change journey', 'journey', """
<p id="place-actions" class="button-row"></p>
<section aria-labelledby="practices-title">
<h2 id="practices-title">How we work now</h2>
<ul id="practices" class="card-grid"></ul>
</section>
<section aria-labelledby="timeline-title">
<h2 id="timeline-title">What happened, and when</h2>
<details class="filters" id="filters-box">
<summary>Filter the timeline</summary>
<form id="filters" class="form filter-form">
  <div class="field"><label for="f-kind">What kind of entry</label><select id="f-kind" name="kind"></select></div>
  <div class="field"><label for="f-principle">Learning principle</label><select id="f-principle" name="principle"></select></div>
  <div class="field"><label for="f-theme">Theme</label><select id="f-theme" name="theme"></select></div>
  <div class="field"><label for="f-layer">Layer of the work</label><select id="f-layer" name="layer"></select></div>
  <div class="field"><label for="f-sphere">Where the change is</label><select id="f-sphere" name="sphere"></select></div>
  <div class="field"><label for="f-from">From (day it happened)</label><input id="f-from" name="from" type="date"></div>
  <div class="field"><label for="f-to">To</label><input id="f-to" name="to" type="date"></div>
  <div class="field"><label for="f-asof">As the record stood on</label><input id="f-asof" name="asOf" type="datetime-local" step="1"></div>
  <div class="button-row"><button type="submit" class="button">Show</button> <a class="button secondary" id="reset-filters" href="#">Clear filters</a></div>
</form>
</details>
<figure class="chart" id="month-chart"></figure>
<p id="timeline-count" class="hint"></p>
<ol id="timeline" class="timeline"></ol>
<p id="pager" class="button-row"></p>
</section>
"""),

'record-insight': ('Record an insight', 'Record an insight', 'record-insight', """
<p class="lead" id="for-place"></p>
<form id="insight-form" class="form" novalidate hidden>
""" + SUMMARY + """
  <div class="field" data-field="text" data-label="What you noticed">
    <label for="text">What did you notice?</label>
    <p class="hint" id="text-hint">In your own words. It can be something that did not go as planned.</p>
    <textarea id="text" name="text" rows="5" aria-describedby="text-hint" required></textarea>
  </div>
  <div class="field checkbox-field">
    <input id="unintended" name="unintended" type="checkbox"><label for="unintended">This was not what we aimed for (an unintended result)</label>
  </div>
  <div class="field" data-field="happenedOn" data-label="When it happened">
    <label for="happenedOn">When did it happen?</label>
    <p class="hint" id="happened-hint">Leave empty for today.</p>
    <input id="happenedOn" name="happenedOn" type="date" aria-describedby="happened-hint">
  </div>
  <fieldset class="field" data-field="layer" data-label="Layer of the work">
    <legend>Which part of the work is it about?</legend>
    <div id="layer-choices"></div>
  </fieldset>
  <fieldset class="field" data-field="sphere" data-label="Where the change is">
    <legend>Where is the change? (optional)</legend>
    <div id="sphere-choices"></div>
  </fieldset>
  <fieldset class="field" data-field="principles" data-label="Learning principles">
    <legend>Which learning principles does it touch? (optional)</legend>
    <div id="principle-choices"></div>
  </fieldset>
  <fieldset class="field" data-field="themes" data-label="Themes">
    <legend>Themes (optional)</legend>
    <div id="theme-choices"></div>
  </fieldset>
  <div class="field" data-field="source" data-label="Where the learning came from">
    <label for="source">Where did this learning come from? (optional)</label>
    <select id="source" name="source"></select>
  </div>
  <fieldset class="field" data-field="evidence" data-label="Quote">
    <legend>A quote (optional)</legend>
    <p class="hint">Only with the person's agreement. They can ask for their name and words to be removed at any time.</p>
    <div class="field" data-field="evidence.quote" data-label="Quote">
      <label for="quote">What they said</label>
      <textarea id="quote" name="quote" rows="3"></textarea>
    </div>
    <div class="field" data-field="evidence.personId" data-label="Who said it">
      <label for="speaker">Who said it (their name)</label>
      <input id="speaker" name="speaker" type="text" autocomplete="off">
    </div>
    <div class="field checkbox-field" data-field="evidence.consent" data-label="Agreement">
      <input id="consent" name="consent" type="checkbox"><label for="consent">They agreed that their words may be recorded and quoted</label>
    </div>
  </fieldset>
  <button type="submit" class="button">Save the insight</button>
</form>
"""),

'revise-insight': ('Revise an insight', 'Revise an insight', 'revise-insight', """
<p class="lead">The earlier wording stays in the record; everyone will see this new version from now on.</p>
<form id="revise-form" class="form" novalidate hidden>
""" + SUMMARY + """
  <div class="field" data-field="text" data-label="Insight">
    <label for="text">The insight as it should read now</label>
    <textarea id="text" name="text" rows="5" required></textarea>
  </div>
  <fieldset class="field" data-field="layer" data-label="Layer of the work">
    <legend>Which part of the work is it about?</legend>
    <div id="layer-choices"></div>
  </fieldset>
  <fieldset class="field" data-field="sphere" data-label="Where the change is">
    <legend>Where is the change? (optional)</legend>
    <div id="sphere-choices"></div>
  </fieldset>
  <fieldset class="field" data-field="principles" data-label="Learning principles">
    <legend>Learning principles (optional)</legend>
    <div id="principle-choices"></div>
  </fieldset>
  <fieldset class="field" data-field="themes" data-label="Themes">
    <legend>Themes (optional)</legend>
    <div id="theme-choices"></div>
  </fieldset>
  <div class="field" data-field="source" data-label="Where the learning came from">
    <label for="source">Where did this learning come from? (optional)</label>
    <select id="source" name="source"></select>
  </div>
  <div class="field" data-field="reason" data-label="Why it changed">
    <label for="reason">Why are you changing it?</label>
    <textarea id="reason" name="reason" rows="2" required></textarea>
  </div>
  <button type="submit" class="button">Save the new version</button>
</form>
"""),

'adapt-practice': ('Change a practice', 'Change how we work', 'adapt-practice', """
<p class="lead" id="practice-now"></p>
<form id="adapt-form" class="form" novalidate hidden>
""" + SUMMARY + """
  <div class="field" data-field="becomes" data-label="What it becomes">
    <label for="becomes">What will you do from now on?</label>
    <textarea id="becomes" name="becomes" rows="3" required></textarea>
  </div>
  <div class="field" data-field="why" data-label="Why">
    <label for="why">Why are you changing it?</label>
    <textarea id="why" name="why" rows="3" required></textarea>
  </div>
  <fieldset class="field" data-field="insightIds" data-label="Insights behind it">
    <legend>Which insights led to this change?</legend>
    <div id="insight-choices"></div>
  </fieldset>
  <div class="field" data-field="sharedLearningIds" data-label="Learning from elsewhere" id="shared-field" hidden>
    <p id="shared-said"></p>
  </div>
  <div class="field" data-field="forum" data-label="Where it was decided">
    <label for="forum">Where was it decided?</label>
    <p class="hint" id="forum-hint">For example: partnership board, residents' assembly.</p>
    <input id="forum" name="forum" type="text" aria-describedby="forum-hint" required>
  </div>
  <div class="field" data-field="occurredOn" data-label="When it was decided">
    <label for="occurredOn">When was it decided?</label>
    <p class="hint" id="occurred-hint">Leave empty for today.</p>
    <input id="occurredOn" name="occurredOn" type="date" aria-describedby="occurred-hint">
  </div>
  <button type="submit" class="button">Save the change</button>
</form>
"""),

'new-practice': ('Start a practice', 'Start a new practice', 'new-practice', """
<form id="practice-form" class="form" novalidate hidden>
""" + SUMMARY + """
  <div class="field" data-field="name" data-label="Name">
    <label for="name">A short name for the practice</label>
    <input id="name" name="name" type="text" required>
  </div>
  <div class="field" data-field="description" data-label="What you will do">
    <label for="description">What will you do?</label>
    <textarea id="description" name="description" rows="3" required></textarea>
  </div>
  <div class="field" data-field="why" data-label="Why">
    <label for="why">Why?</label>
    <textarea id="why" name="why" rows="3" required></textarea>
  </div>
  <fieldset class="field" data-field="insightIds" data-label="Insights behind it">
    <legend>Which insights led to it?</legend>
    <div id="insight-choices"></div>
  </fieldset>
  <div class="field" data-field="forum" data-label="Where it was decided">
    <label for="forum">Where was it decided?</label>
    <input id="forum" name="forum" type="text" required>
  </div>
  <div class="field" data-field="occurredOn" data-label="When it was decided">
    <label for="occurredOn">When was it decided? (empty for today)</label>
    <input id="occurredOn" name="occurredOn" type="date">
  </div>
  <button type="submit" class="button">Save the practice</button>
</form>
"""),

'review-outcome': ('Review an outcome', 'What came of a change?', 'review-outcome', """
<p class="lead" id="change-being-reviewed"></p>
<form id="review-form" class="form" novalidate hidden>
""" + SUMMARY + """
  <fieldset class="field" data-field="outcome" data-label="How it is going">
    <legend>How is it going?</legend>
    <div id="outcome-choices"></div>
  </fieldset>
  <div class="field" data-field="notes" data-label="What you saw">
    <label for="notes">What did you see?</label>
    <textarea id="notes" name="notes" rows="4" required></textarea>
  </div>
  <fieldset class="field" data-field="insightIds" data-label="Insights">
    <legend>Insights that show it (optional)</legend>
    <div id="insight-choices"></div>
  </fieldset>
  <div class="field" data-field="reviewedOn" data-label="Day of the review">
    <label for="reviewedOn">When did you look at it? (empty for today)</label>
    <input id="reviewedOn" name="reviewedOn" type="date">
  </div>
  <button type="submit" class="button">Save the review</button>
</form>
"""),

'share-learning': ('Share learning', 'Share learning', 'share-learning', """
<p class="lead" id="sharing-from"></p>
<form id="share-form" class="form" novalidate hidden>
""" + SUMMARY + """
  <div class="field" data-field="title" data-label="Title">
    <label for="title">A title others will recognise</label>
    <input id="title" name="title" type="text" required>
  </div>
  <div class="field" data-field="summary" data-label="Summary">
    <label for="summary">What did you learn, in a few sentences?</label>
    <textarea id="summary" name="summary" rows="4" required></textarea>
  </div>
  <fieldset class="field" data-field="audience" data-label="Who it is for">
    <legend>Who is it for?</legend>
    <div class="field checkbox-field"><input id="whole" name="whole" type="checkbox"><label for="whole">The whole programme</label></div>
    <div id="audience-places"></div>
  </fieldset>
  <fieldset class="field" data-field="insightIds" data-label="Insights">
    <legend>Insights it builds on</legend>
    <div id="insight-choices"></div>
  </fieldset>
  <fieldset class="field" data-field="adaptations" data-label="Changes to practice">
    <legend>Changes to your practice it builds on</legend>
    <div id="adaptation-choices"></div>
  </fieldset>
  <button type="submit" class="button">Share it</button>
</form>
"""),

'adopt-shared': ('Take up shared learning', 'Take up learning from elsewhere', 'adopt-shared', """
<p class="lead" id="shared-learning"></p>
<form id="adopt-form" class="form" novalidate hidden>
""" + SUMMARY + """
  <div class="field" data-field="sharedLearningId" data-label="Shared learning">
    <label for="sharedLearningId">Which shared learning?</label>
    <select id="sharedLearningId" name="sharedLearningId" required></select>
  </div>
  <div class="field" data-field="practiceId" data-label="Your practice">
    <label for="practiceId">Which of your practices did it change?</label>
    <p class="hint" id="practice-hint">Best: change the practice first, citing this learning, with the link below; then you come back here.</p>
    <select id="practiceId" name="practiceId" aria-describedby="practice-hint" required></select>
    <p><a id="adapt-first" href="/adapt-practice.html" hidden>Change the chosen practice first, citing this learning</a></p>
  </div>
  <input type="hidden" id="adaptationId" name="adaptationId">
  <div class="field" data-field="note" data-label="Note">
    <label for="note">How did you make it your own?</label>
    <textarea id="note" name="note" rows="3" required></textarea>
  </div>
  <button type="submit" class="button">Record that we took it up</button>
</form>
"""),

'sensemaking': ('Record a sensemaking session', 'Record a sensemaking session', 'sensemaking', """
<form id="session-form" class="form" novalidate hidden>
""" + SUMMARY + """
  <div class="field" data-field="title" data-label="Title">
    <label for="title">Title of the session</label>
    <input id="title" name="title" type="text" required>
  </div>
  <div class="field" data-field="heldOn" data-label="Day it was held">
    <label for="heldOn">When was it held?</label>
    <input id="heldOn" name="heldOn" type="date" required>
  </div>
  <div class="field" data-field="participantIds" data-label="Who took part">
    <label for="participants">Who took part? One name per line</label>
    <p class="hint" id="participants-hint">Each name is kept as personal data: it can be removed at the person's request.</p>
    <textarea id="participants" name="participants" rows="3" aria-describedby="participants-hint"></textarea>
  </div>
  <fieldset class="field" data-field="placeIds" data-label="Places">
    <legend>Places looked at</legend>
    <div id="place-choices"></div>
  </fieldset>
  <fieldset class="field" data-field="insightIds" data-label="Insights">
    <legend>Insights looked at together</legend>
    <div id="insight-choices"></div>
  </fieldset>
  <div class="field" data-field="conclusions" data-label="Conclusions">
    <label for="conclusions">What did you conclude together?</label>
    <textarea id="conclusions" name="conclusions" rows="4" required></textarea>
  </div>
  <button type="submit" class="button">Save the session</button>
</form>
"""),

'practice': ('Practice history', 'Practice history', 'practice', """
<p id="practice-summary" class="lead"></p>
<p id="practice-actions" class="button-row"></p>
<ol id="versions" class="versions"></ol>
"""),

'audit': ('Decision audit trail', 'Why this decision was made', 'audit', """
<div id="decision"></div>
<section aria-labelledby="insights-title">
<h2 id="insights-title">The insights behind it</h2>
<p class="hint">Each insight as it read when the decision was made, and as it reads now.</p>
<ol id="audit-insights" class="audit-insights"></ol>
</section>
<section aria-labelledby="outcomes-title">
<h2 id="outcomes-title">What came of it</h2>
<ul id="audit-outcomes" class="plain-list"></ul>
</section>
<section aria-labelledby="later-title">
<h2 id="later-title">Later changes to the practice</h2>
<ol id="audit-later" class="plain-list"></ol>
</section>
"""),

'funders': ('Across places', 'Learning across places', 'funders', """
<p class="lead">See how learning built up across the programme. Move the slider to see the record as it stood at any point, or play it step by step.</p>
<section aria-labelledby="replay-title" class="panel">
<h2 id="replay-title">As it stood then</h2>
<div class="field">
  <label for="step">Step in the record</label>
  <input id="step" type="range" min="0" max="0" value="0" aria-describedby="step-said">
  <p id="step-said" class="slider-said" aria-live="polite"></p>
</div>
<div class="button-row">
  <button type="button" class="button secondary" id="prev-step">Step back</button>
  <button type="button" class="button secondary" id="play">Play</button>
  <button type="button" class="button secondary" id="next-step">Step forward</button>
  <button type="button" class="button secondary" id="latest">Now</button>
</div>
<form id="jump" class="form inline-form">
  <div class="field"><label for="jump-at">Jump to the record as it stood on</label><input id="jump-at" type="datetime-local" step="1" required></div>
  <button type="submit" class="button secondary">Jump</button>
</form>
<div id="step-event" class="step-event"></div>
<p id="lines-then" class="big-number"></p>
<div class="chart-pair">
  <figure class="chart" id="principle-chart"></figure>
  <figure class="chart" id="theme-chart"></figure>
</div>
</section>
<section aria-labelledby="time-title" class="panel">
<h2 id="time-title">Over time</h2>
<div class="field"><label for="series">Show</label><select id="series"></select></div>
<figure class="chart" id="time-chart"></figure>
</section>
<section aria-labelledby="ptl-title" class="panel">
<h2 id="ptl-title">Everything recorded across places</h2>
<details class="filters"><summary>Filter</summary>
<form id="filters" class="form filter-form">
  <div class="field"><label for="f-place">Place</label><select id="f-place" name="placeId"></select></div>
  <div class="field"><label for="f-principle">Learning principle</label><select id="f-principle" name="principle"></select></div>
  <div class="field"><label for="f-theme">Theme</label><select id="f-theme" name="theme"></select></div>
  <div class="field"><label for="f-layer">Layer of the work</label><select id="f-layer" name="layer"></select></div>
  <div class="field"><label for="f-sphere">Where the change is</label><select id="f-sphere" name="sphere"></select></div>
  <div class="field"><label for="f-from">From</label><input id="f-from" name="from" type="date"></div>
  <div class="field"><label for="f-to">To</label><input id="f-to" name="to" type="date"></div>
  <div class="button-row"><button type="submit" class="button">Show</button></div>
</form></details>
<p id="timeline-count" class="hint"></p>
<ol id="timeline" class="timeline"></ol>
<p id="pager" class="button-row"></p>
</section>
"""),

'flow': ('Learning flow', 'How learning travels between places', 'flow', """
<p class="lead">Each circle is a place. An arrow shows learning shared by one place and taken up by another; thicker arrows mean more.</p>
<figure class="chart network" id="network"></figure>
<section aria-labelledby="flow-list-title">
<h2 id="flow-list-title">In words</h2>
<ul id="flow-list" class="plain-list"></ul>
</section>
"""),

'search': ('Search', 'Search', 'search', """
<form id="search-form" class="form inline-form" role="search">
  <div class="field"><label for="q">Search insights and practices</label><input id="q" name="q" type="search" required></div>
  <button type="submit" class="button">Search</button>
</form>
<p id="result-count" class="hint" aria-live="polite"></p>
<ol id="results" class="plain-list results"></ol>
"""),

'exports': ('Downloads', 'Downloads', 'exports', """
<p class="lead">Take the record with you: a spreadsheet (CSV), data for other tools (JSON), or a report ready to print.</p>
<section aria-labelledby="programme-dl"><h2 id="programme-dl">The whole programme</h2><ul id="programme-downloads" class="plain-list"></ul></section>
<section aria-labelledby="places-dl"><h2 id="places-dl">Each place's journey</h2>
<table class="table"><caption class="visually-hidden">Downloads for each place</caption>
<thead><tr><th scope="col">Place</th><th scope="col">Spreadsheet</th><th scope="col">Data</th><th scope="col">Printable report</th></tr></thead>
<tbody id="place-downloads"></tbody></table></section>
"""),

'admin': ('Views', 'Views and rebuilds', 'admin', """
<p class="lead">Each view is rebuilt from the full record while the current one keeps answering. Progress updates every second.</p>
<table class="table"><caption class="visually-hidden">Views and their rebuild progress</caption>
<thead><tr><th scope="col">View</th><th scope="col">Generation in use</th><th scope="col">Rebuild</th><th scope="col">Action</th></tr></thead>
<tbody id="views"></tbody></table>
"""),
}

for name, (title, heading, script, body) in PAGES.items():
    (STATIC / (name + '.html')).write_text(FRAME.format(title=title, heading=heading, script=script, body=body.strip()))
print('wrote', len(PAGES), 'pages to', STATIC)
