# benzowise, English. Every sentence the site shows; ids are shared by all
# languages. Sections follow the pages.

## Numbers and dates

number-decimal-separator = .
number-group-separator = ,
# Group thousands only from this many digits above the hundreds.
number-min-grouping-digits = 1
date-long = { $month } { $day }, { $year }
date-month-year = { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## The page shell

site-skip-link = Skip to the main content
site-nav-label = Site
site-nav-find = Find a clinician
site-nav-questions = Questions for a first visit
site-nav-clinicians = For clinicians
site-language-label = Language
footer-not-advice = Information, not medical advice.
footer-about = benzowise lists clinicians who say they support gradual, patient-led benzodiazepine tapering; moderators review every listing, but cannot vouch for anyone's care. Never stop a benzodiazepine suddenly: talk with a prescriber about a slow taper.
footer-demo-title = Demo listings are fictional.
footer-demo = Listings marked “demo” describe people who do not exist.
footer-sources = Place names from { $geonames } (CC BY 4.0); US ZIP code centroids from the US Census Bureau.
message-page-home = Go to the search page
notice-success = Done:
notice-warning = Note:
notice-error = Problem:

## Error pages

error-title-400 = This request could not be understood
error-detail-400 = This request could not be understood. Please go back and try again.
error-title-401 = You need to sign in, or a working link
error-detail-401 = This page needs a sign-in or a private link, and neither came with the request.
error-title-403 = You cannot do this here
error-detail-403 = You cannot do this here. If you were signed in, your session may have ended: please sign in again.
error-title-404 = Page not found
error-detail-404 = There is no public listing or page at this address.
error-title-405 = This page cannot be used this way
error-detail-405 = This page cannot be used this way. Please go back and try again.
error-title-408 = That took too long to arrive
error-detail-408 = What you sent took too long to arrive. Please try again.
error-title-409 = This was already changed
error-detail-409 = This was already changed, so what you sent no longer applies. Reload the page to see where things stand.
error-title-410 = This listing is no longer shown
error-detail-410 = This listing is no longer shown.
error-title-413 = What you sent is too long
error-detail-413 = What you sent is too long. Please shorten it and try again.
error-title-415 = This page cannot read what was sent
error-detail-415 = What you sent is not in a form this page accepts.
error-title-422 = Some of what you sent needs checking
error-detail-422 = Some of what you sent is not valid. Please go back and check it.
error-title-429 = Too many requests
error-title-431 = Your browser sent too much
error-detail-431 = Your browser sent more than this site accepts. Clearing this site's cookies may help.
error-title-500 = Something went wrong on our side
error-detail-500 = Something went wrong on our side. Please try again in a few minutes.
error-title-503 = The directory is briefly unavailable
error-detail-503 = The directory is briefly unavailable. Please try again in a few minutes.
error-title-504 = That took too long
error-detail-504 = This took too long. Please try again in a few minutes.
error-title-other = Something went wrong
error-detail-other = Please go back and try again.
error-title-manage-link = This link no longer works
error-detail-manage-link = This link does not open a listing: a newer link may have replaced it, or only part of it was copied. We can email a new link to the private contact address of your listing.
error-way-new-link = Get a new link
error-title-session-ended = Please sign in again
error-detail-session-ended = Your session has ended, so nothing was changed. Sign in, and you come back to this page.
error-way-sign-in = Sign in and come back
error-title-decided-first = Someone decided this first
error-detail-decided-first = Another moderator decided this submission while you were reading it, so your decision was not applied.
error-way-queue = Back to the queue
error-title-listing-gone = This listing is not in the directory
error-detail-listing-gone = There is no public listing at this address: it may have been withdrawn, or the address may be incomplete.
error-way-search = Search the directory
error-too-many = Too many requests from your address. Please try again in { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
  }.

## Each language's name for itself, on the link that switches to it

language-own-name = English

## The search form

search-form-label = Find a clinician
search-form-near = Where are you?
search-form-near-hint = A town, with its state or country if you like (“Portland, Oregon”, “Leeds”), or a ZIP or postal code.
search-form-within = Within
search-form-unit = Unit
search-form-unit-miles = miles
search-form-unit-kilometres = kilometres
search-form-any = Any
search-form-more = More choices: kind of clinician, ways to pay, taper approach, language
search-form-profession = Profession
search-form-specialty = Specialty
search-form-language = Language
search-form-must-offer = Must offer
search-form-prescriber = Can prescribe (needed to run a taper)
search-form-telehealth = Telehealth (video or phone visits)
search-form-accepting = Accepting new patients
search-form-licensed-in = Licensed for telehealth in
search-form-licensed-in-hint = Leave the place empty to list everyone licensed there.
search-form-anywhere = Anywhere
search-form-payment = Ways to pay (any one of those you choose)
search-form-approaches = Taper approaches (all that you choose)
search-form-criteria = Benzo-wise practices (all that you choose)
search-form-submit = Search
# The optional "use my location" button, added by static/locate.js.
search-form-locate = Use my location
search-form-locating = Finding your location…
search-form-locate-failed = Your location is not available; please type a place instead.

## The home page

search-home-title = Find a benzo-wise clinician
search-home-lead = A benzo-wise clinician supports coming off benzodiazepines slowly, at a pace you help set. They do not stop the drug suddenly, they take your past withdrawal seriously, and they offer support beyond medication. Search for one near you, or one who sees patients by telehealth where you live.

## Search results

search-results-near = Clinicians near { $place }
search-results-licensed = Telehealth clinicians licensed in { $region }
search-results-none = No clinicians match.
# $count chooses the form; $total is the same number as shown.
search-results-showing = Showing { $first }–{ $last } of { $count ->
    [one] { $total } clinician
   *[other] { $total } clinicians
  }.
search-results-showing-nearest = Showing { $first }–{ $last } of { $count ->
    [one] { $total } clinician
   *[other] { $total } clinicians
  }, nearest first.
search-results-empty-intro = Nobody matches yet. You could:
search-results-empty-larger = choose a larger distance;
# $telehealth is the next message, in bold.
search-results-empty-telehealth = look for clinicians who offer { $telehealth } and are licensed where you live.
search-results-empty-telehealth-word = telehealth
search-pager-label = Pages of results
search-pager-nearer = Nearer results
search-pager-more = More results
search-again = Search again
search-beyond-heading = The nearest a little further away
search-beyond-none = No clinician with these choices within 500 km (about 310 miles) either.
search-beyond-intro = These match your choices, beyond the distance you chose, nearest first.
search-licensed-heading = By telehealth, licensed in { $region }
search-licensed-none = No clinician with these choices offers telehealth with a licence in { $region } yet.
search-licensed-intro = These clinicians see patients by video or phone and are licensed where you searched, so distance does not matter.
search-licensed-all = { $count ->
    [one] The only telehealth clinician licensed in { $region }
   *[other] All { $total } telehealth clinicians licensed in { $region }
  }

## A result's card

search-card-demo = Demo: fictional
search-card-prescriber = Prescriber
search-card-not-prescriber = Supports a taper; does not prescribe
search-card-distance = { $miles } miles ({ $km } km) away
search-card-telehealth = Offers telehealth
search-card-in-person = In person only
search-card-accepting = Accepting new patients
search-card-not-accepting = Not accepting new patients now
search-card-payment = Payment: { $options }
search-card-payment-ask = ask the practice
search-card-approaches = Taper approaches
search-card-practices = Practices

## A search that needs a change

search-check-title = Check your search
search-check-heading = Something in the search needs a change
search-field-place = Place
search-field-distance = Distance
search-field-licensed-in = Licensed for telehealth in
search-field-approaches = Taper approaches
search-field-practices = Practices
search-field-payment = Ways to pay
search-field-page = Page of results
search-field-address = The search’s address

## Maps (drawn on search results and profiles)

# $count chooses the form; $amount is the same number as shown.
map-miles = { $count ->
    [one] { $amount } mile
   *[other] { $amount } miles
  }
map-kilometres = { $count ->
    [one] { $amount } kilometre
   *[other] { $amount } kilometres
  }
map-pin = { $number }. { $name }, { $distance } away
map-results-about = Numbered pins match the numbered list; the cross is the centre of the search
map-results-summary = { $count ->
    [0] No clinicians
    [one] { $total } clinician
   *[other] { $total } clinicians
  } within { $radius } of { $place }
map-summary-nearest = { $summary }; the nearest is { $distance } away.
map-summary-one-pin = { $summary }; number { $number } on this page is { $distance } away.
map-summary-pins = { $summary }; numbers { $first } to { $last } on this page are { $nearest } to { $farthest } away.
map-location-title = Map around { $place }
map-location-about = The pin marks { $place }
map-description = { $about }. North is up. The rings mark { $outer } and { $inner } from the centre.
map-towns = Towns: { $towns }.
map-town-direction = { $town }, { $distance } { $direction }
map-town-centre = { $town }, at the centre
map-compass-north = north
map-compass-north-east = north-east
map-compass-east = east
map-compass-south-east = south-east
map-compass-south = south
map-compass-south-west = south-west
map-compass-west = west
map-compass-north-west = north-west

## A clinician's public profile

profile-not-given = Not given
profile-badge-demo = Demo: fictional person
profile-badge-prescriber = Prescriber
profile-badge-not-prescriber = Supports a taper; does not prescribe
profile-needs-prescriber = A taper needs a prescriber. This clinician can support you through one alongside the clinician who prescribes.
profile-unclaimed = Added from a public list; not yet confirmed by the clinician.
profile-practice = Practice
profile-where = Where
profile-directions = Directions on OpenStreetMap
profile-other-locations = Also practises at
profile-telehealth = Telehealth
profile-telehealth-yes = Yes
profile-telehealth-licensed = Yes, licensed in { $regions }
profile-telehealth-no = No, in person only
profile-new-patients = New patients
profile-accepting = Accepting new patients
profile-not-accepting = Not accepting new patients now
profile-languages = Languages
phone-kind-voice = Phone
phone-kind-fax = Fax
phone-kind-text = Text messages
phone-kind-tty = TTY (text telephone)
phone-extension-short = ext. { $extension }
profile-hours = Hours
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
profile-email = Email
profile-website = Website
profile-npi = NPI
profile-fastest-pace = Fastest usual pace
profile-fastest-pace-value = About { $percent }% of the current dose a month, or slower
profile-last-reviewed = Last reviewed
profile-how-they-taper = How they taper
profile-approaches-not-given = Not given.
profile-practices = Benzo-wise practices they attest to
profile-practices-none = None given.
profile-own-words = In their own words
profile-statement = Statement
profile-payment = Payment
profile-payment-ask = Ask the practice
profile-insurers = Insurers
profile-self-pay-prices = Self-pay prices
profile-price-first-visit = First visit: { $price }
profile-price-follow-up = Follow-up visits: { $price }

## The report form on a profile

profile-report-heading = Report a problem with this listing
profile-report-thanks = Thank you. A moderator will look at your report.
profile-report-reason = What is wrong?
profile-report-choose = Choose one
profile-report-details = Details
profile-report-details-hint = Optional. Please do not include your own health details.
profile-report-send = Send report

## Questions for a first visit (a printable sheet)

questions-title = Questions for a first visit
questions-intro = Print this page and take it with you. Ask each question, write down the answers, and notice how the clinician responds.
questions-notes = Notes:
questions-also-heading = Also worth asking
questions-also-pace = Will you let me set the pace, and pause when symptoms are hard?
questions-also-support = Will you help with non-drug support such as therapy, CBT-I or sleep hygiene?
questions-also-medicines = How will you handle my other medicines, especially opioids or other sedatives?
questions-red-flags-heading = Red flags to listen for
questions-red-flags-intro = Be cautious if you hear any of these. Abrupt stops can cause seizures.
# A phrase a clinician might say, as heard.
questions-red-flag-quoted = “{ $phrase }”
questions-red-flag-just-stop = Just stop taking it.
questions-red-flag-cold-turkey = You can quit cold turkey.
questions-red-flag-two-week-taper = A two-week taper works for everyone.
questions-red-flag-2-week-taper = A 2 week taper is all you need.
questions-red-flag-withdrawal-isnt = Withdrawal isn't a big issue.
questions-red-flag-withdrawal-not-big = Withdrawal is not a big deal at this dose.
questions-red-flag-not-addictive = At this dose it's not addictive.
questions-print-hint = Use your browser's Print command to print this sheet.

## The listing form, on the submission and manage pages

form-errors-title = Please correct { $count ->
    [one] 1 field
   *[other] { $count } fields
  }
form-required = (required)
form-choose-one = Choose one
form-about-you = About you
form-full-name = Full name
form-full-name-hint = As patients will see it, 2 to 120 characters.
form-credentials = Credentials
form-credentials-hint = For example MD, FAPA.
form-profession = Profession
form-specialty = Specialty
form-taxonomy-code = NUCC taxonomy code
form-taxonomy-code-hint = Optional, 10 characters such as 2084P0800X.
form-npi = NPI
form-npi-hint = Optional, 10 digits.
form-where = Where you practise
form-practice-name = Practice name
form-address-line = Street address
form-city = City or town
form-city-hint = With the postal code, it places your practice on the map.
form-region = State or region
form-region-hint = Its name, such as Oregon or Ontario.
form-postal-code = ZIP or postal code
form-postal-code-hint = US: 12345 or 12345-6789.
form-country = Country
form-coordinates = Place it on the map yourself
form-coordinates-hint = Only if your town cannot be found: the coordinates of your practice, which a map site shows when you pick the place.
form-latitude = Latitude
form-latitude-hint = In degrees, from -90 (south) to 90 (north), such as 45.52.
form-longitude = Longitude
form-longitude-hint = In degrees, from -180 (west) to 180 (east), such as -122.68.
form-reach = How patients reach you
form-phone = Phone
form-other-locations = Other places you practise
form-other-locations-hint = Up to four more places, each found near it by search. Leave a row empty to drop a place. Without coordinates, a place is put on the map by its ZIP code or city.
form-location-row = Other place { $number }
form-add-location = Add a place
form-location-name = Name of the practice here
form-location-phone = Phone here
form-location-country = Country (if not the United States)
form-phones = Phone numbers
form-phones-hint = Leave a row empty to drop a number. The first voice number is shown with your name in search results.
form-phone-row = Number { $number }
form-phone-number = Number
form-phone-kind = What it is for
form-phone-extension = Extension
form-hours = Opening hours
form-hours-hint = A row for each day and time you see patients; leave a row empty to drop it.
form-hours-row = Opening { $number }
form-hours-day = Day
form-hours-opens = Opens
form-hours-closes = Closes
form-website = Website
form-website-hint = Starting with http:// or https://.
form-public-email = Public email
form-public-email-hint = Shown on your listing.
form-contact-email = Private contact email
form-contact-email-hint = Only moderators see it.
form-telehealth = I offer telehealth
form-accepting-new-patients = I am accepting new patients
form-licensed-regions = Where you are licensed to see patients by telehealth
form-licensed-regions-hint = Tick each state, province or region.
form-languages = Languages you see patients in
form-languages-hint = English if you tick none.
form-languages-other = Other languages
form-languages-other-hint = Hold Ctrl (Cmd on a Mac) to choose several; type a name to find it.
form-taper = How you taper
form-max-reduction = Fastest usual pace
form-max-reduction-hint = Optional: the largest cut you usually make in a month, as a percentage of the current dose (1 to 50).
form-payment = Payment
form-payment-hint = What patients can pay with. Leave it all empty and patients will be told to ask the practice.
form-insurers = Private insurers you take
form-insurers-hint = With private insurance: one name per line, up to 20.
form-self-pay-first-visit-min = Paying yourself, first visit: from
form-self-pay-first-visit-max = Paying yourself, first visit: up to
form-self-pay-follow-up-min = Paying yourself, follow-up visit: from
form-self-pay-follow-up-max = Paying yourself, follow-up visit: up to
form-self-pay-hint = With self-pay or a sliding scale: a whole amount in your country's currency.
form-self-pay-first-visit = Paying yourself, first visit
form-self-pay-follow-up = Paying yourself, follow-up visit
form-criteria = Benzo-wise practices you attest to
form-questions = The first-visit questions, in your words
form-answer-hint = Up to 2000 characters.
form-statement = A short statement
form-statement-hint = Plain text, up to 4000 characters.
form-honeypot = Leave this empty
form-error-number = must be a number
form-error-whole-number = must be a whole number
form-whole = The form
form-error-unreadable = could not be read; please check your answers and send it again

## The submission page and the page after it

submit-title = List your practice
submit-lead = Tell patients how you taper. A moderator reads every submission before it is public; your contact email stays private.
submit-button = Send for review
submit-received-title = Submission received
submit-received-heading = Thank you: your listing is waiting for review
submit-save-link = Save this link now
submit-save-link-why = It is the way to edit or withdraw your listing. We have also sent it to your contact email; if you lose it, use “Lost your link?” to get a new one.
submit-listing-number = Your listing number is { $id }. A moderator will review it; until then it is not public.
submit-dropped = Thank you. A moderator will review your listing.

## The manage page

manage-title = Your listing
manage-private-key = This page's address is your private key to the listing. Do not share it.
manage-listing-number = Listing number
manage-status = Status
manage-status-pending = Waiting for a moderator. It is not public yet.
manage-status-rejected = Not accepted. You can send a corrected version.
manage-status-approved = Public in the directory.
manage-status-approved-edit-waiting = Public in the directory. Your newer version is waiting for a moderator; until it is approved, patients see the approved one.
manage-status-suspended = Suspended by a moderator: not public until reinstated.
manage-status-withdrawn = Withdrawn by you: not public. Sending a new version puts it back in review.
manage-public-page = Public page
manage-public-page-link = See it as patients do
manage-suspension-reason = A moderator suspended your listing and wrote: “{ $reason }”
manage-latest-version = Latest version
manage-latest-sent = { $status }, sent { $date }
manage-version-pending = Waiting for review
manage-version-approved = Approved
manage-version-rejected = Not accepted
manage-version-superseded = Replaced by a newer version
manage-version-withdrawn = Withdrawn
manage-rejection-reason = A moderator did not accept your latest version and wrote: “{ $reason }”
manage-change = Change your listing
manage-change-lead-approved = Send a full new version. Whether you are accepting new patients changes on your public page at once; a moderator reviews every other change, and until then the approved version stays public.
manage-change-lead-edit-waiting = Send a full new version: it replaces the one waiting for review. Whether you are accepting new patients changes on your public page at once; until a moderator approves the rest, the approved version stays public.
manage-change-lead-pending = Send a corrected version: it replaces the one waiting for review. Nothing is public until a moderator approves it.
manage-change-lead-rejected = Send a corrected version with the moderator’s reason in mind. A moderator reviews it; nothing is public until it is approved.
manage-change-lead-suspended = You can send a new version: a moderator reviews it. Your listing stays hidden until a moderator reinstates it.
manage-change-lead-withdrawn = Your listing is not public. Send a new version to put it back in review; it is public again once a moderator approves it.
manage-change-lead-lapsed = If something changed, send a new version: a moderator reviews it. If nothing changed, confirm your details above instead and your listing is public again at once.
manage-change-button = Send the new version
manage-withdraw = Withdraw your listing
manage-withdraw-confirm = Yes, take my listing out of the directory now.
manage-withdraw-button = Withdraw
manage-notice-edited = Thank you. Your new version is waiting for review.
manage-notice-unconfirmed = Nothing changed: tick the box to confirm that you want to withdraw.
manage-notice-withdrawn = Your listing is withdrawn and no longer public.
manage-notice-now-accepting = Your public page now says you are accepting new patients. Nothing else changed, so there is nothing to review.
manage-notice-now-not-accepting = Your public page now says you are not accepting new patients. Nothing else changed, so there is nothing to review.
manage-notice-edited-availability-public = Your public page already says whether you are accepting new patients. Your other changes are waiting for review.

## Moderators: log-in

moderate-login-title = Moderator log-in
moderate-login-username = Username
moderate-login-password = Password
moderate-login-button = Log in
moderate-login-wrong = Wrong username or password.
moderate-login-too-many = Too many failed attempts. Try again in { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
  }.

## Moderators: the dashboard

# { $username } stands for the moderator's name, shown in bold.
moderate-logged-in-as = Logged in as { $username }.
moderate-log-out = Log out
moderate-notice-approved = Approved: the listing's new version is public.
moderate-notice-rejected = Rejected: the clinician will see your reason.
moderate-notice-resolved = Report resolved.
moderate-notice-suspended = Listing suspended.
moderate-notice-reverified = Listing verified: it counts as this year's confirmation.
moderate-notice-reinstated = Listing reinstated.
moderate-queue-empty = Nothing is waiting.
moderate-kind-edit = edit
moderate-kind-new = new listing
moderate-red-flags = Red flags:
# After a red-flag phrase: the field it was found in.
moderate-red-flag-in = in { $field }.
moderate-red-flag-in-answer = in the answer to “{ $question }”
moderate-changes-caption = Changed fields
moderate-changes-field = Field
moderate-changes-public = Public now
moderate-changes-proposed = Proposed
moderate-value-empty = (empty)
moderate-payment = Payment:
moderate-payment-none = none given (patients are told to ask the practice)
moderate-payment-insurers = insurers: { $insurers }
moderate-payment-first-visit = first visit { $price }
moderate-payment-follow-up = follow-up { $price }
moderate-statement = Statement:
moderate-note-optional = Note (optional)
moderate-approve = Approve
moderate-reject-reason = Reason (the clinician sees it)
moderate-field-note = Note
moderate-field-reason = Reason
moderate-reject = Reject
moderate-ready-reason = Ready-made reason
moderate-ready-reason-hint = Optional. Its text comes first, in the clinician's language; anything you write below is added after it.
moderate-ready-reason-none = None: I write the reason
moderate-error-ready-reason = that reason was just removed: choose another
moderate-reasons-title = Ready-made rejection reasons
moderate-reasons-lead = Moderators can choose one of these when they reject a submission. The clinician reads it in their own language, so each reason has an English and a Spanish text.
moderate-reasons-number = Reason { $number }
moderate-reasons-english = In English
moderate-reasons-spanish = In Spanish
moderate-reasons-save = Save
moderate-reasons-remove = Remove
moderate-reasons-add-heading = Add a reason
moderate-reasons-add = Add the reason
moderate-notice-reason-added = Reason added.
moderate-notice-reason-saved = Reason saved.
moderate-notice-reason-removed = Reason removed.
moderate-reports-empty = No open reports.
moderate-report-listing = listing { $id }
moderate-reports-listings = { $count ->
    [one] 1 listing has open reports, shown here
   *[other] { $count } listings have open reports, the one reported earliest first
  }
moderate-reports-open = { $count ->
    [one] 1 open report
   *[other] { $count } open reports
  }
moderate-reports-more = { $count ->
    [one] 1 more open report: resolve these first, or read it on the listing's page
   *[other] { $count } more open reports: resolve these first, or read them on the listing's page
  }
moderate-report-done = What was done
moderate-report-resolve = Resolve
moderate-suspend = Suspend
moderate-reinstate = Reinstate
moderate-error-listing-number = must be a listing number
moderate-audit-when = When (UTC)
moderate-audit-who = Who
moderate-audit-what = What
moderate-audit-listing = Listing
moderate-audit-reason = Reason
moderate-audit-changes = Changes
moderate-actor-moderator = { $username } (moderator)
moderate-actor-clinician = the clinician
moderate-actor-public = a member of the public
moderate-actor-operator = Command line: { $command }
moderate-action-approve = Approved
moderate-action-reject = Rejected
moderate-action-resolve-report = Resolved a report
moderate-action-withdraw = Withdrew the listing
moderate-action-suspend = Suspended the listing
moderate-action-reinstate = Reinstated the listing

## Field errors
# What is wrong with one field of a form or API request, shown after the
# field's name ("city: is required"), hence lowercase. The API gives the English.

field-error-required = is required
field-error-too-long = must be at most { $max } characters
field-error-length-between = must be { $min } to { $max } characters
field-error-between = must be between { $min } and { $max }
field-error-whole-number-between = must be a whole number from { $min } to { $max }
field-error-from-to = must be from { $min } to { $max }
field-error-not-a-number = must be a number
field-error-true-or-false = must be true or false
field-error-email = must be an email address
field-error-must-be-empty = must be left empty
field-error-unknown-code = '{ $code }' is not a known code; see /api/v1/vocabulary
field-error-unknown-codes = unknown codes: { $codes }; see /api/v1/vocabulary
field-error-not-a-choice = “{ $value }” is not one of the choices

## Field errors: listings

field-error-single-line = must be a single line of text without control characters
field-error-to-be-chosen = must be chosen: the imported list did not say
field-error-verified-on = must be a day, today or before
field-error-direction-controls = must not contain invisible characters that reverse the direction of text
field-error-phone = must be 7 to 25 characters of digits, spaces and + ( ) - .
field-error-phone-extension = must be 1 to 10 digits
field-error-too-many-phones = must hold at most { $max } numbers
field-error-too-many-locations = may name at most { $max } further places
field-error-time-of-day = must be a time on a 24-hour clock, such as 08:30
field-error-closes-after-opens = must be after the opening time
field-error-too-many-opening-hours = must hold at most { $max } openings
field-error-web-address = must be a web address starting with http:// or https://
field-error-taxonomy-code = must be a 10-character NUCC code like 2084P0800X
field-error-npi = must be a 10-digit NPI with a valid check digit
field-error-country-code = must be an ISO 3166-1 alpha-2 code such as US, CA or GB
field-error-region-code = must be a state, province or region code such as OR
field-error-us-zip-code = must be a US ZIP code: 12345 or 12345-6789
field-error-postal-code = must be a postal code of letters, digits, spaces or hyphens
field-error-longitude-with-latitude = is required when latitude is given
field-error-latitude-with-longitude = is required when longitude is given
field-error-city-not-on-map = could not be found on the map; check the city and postal code, or give latitude and longitude
field-error-country-in-words = choose a country from the list
field-error-region-in-words = is not a state, province or region of the country chosen; write its name, such as Oregon
field-error-city-not-on-map-in-words = could not be placed on the map from this town and postal code; check them, or give the place’s coordinates under “Place it on the map yourself”

## Field errors: payment

field-error-insurers-without-insurance = name insurers only with private_insurance among payment_options
field-error-prices-without-self-pay = give prices only with self_pay or sliding_scale among payment_options
field-error-insurer-name = each insurer's name must be one line of 2 to 80 characters
field-error-too-many-insurers = name at most { $max } insurers
field-error-price = must be a whole amount from 0 to { $max }
field-error-price-below-min = must not be below min
field-error-insurers-without-insurance-in-words = name insurers only when you tick private insurance
field-error-prices-without-self-pay-in-words = give prices only when you tick paying yourself or a sliding scale
field-error-price-below-min-in-words = must not be below the “from” amount

## Field errors: reports, moderation and signing in

field-error-report-reason = must be one of the report reasons in /api/v1/vocabulary
field-error-report-reason-in-words = choose a reason from the list
field-error-report-status = must be open, resolved or all
field-error-too-many-bytes = must be at most { $max } bytes

## Field errors: search

field-error-unnamed-parameter = has a value without a parameter name
field-error-unknown-parameter = is not a search parameter
field-error-near-and-coordinates = give either near or lat and lon, not both
field-error-place-not-found = no place called '{ $place }' was found; try a town with its state, province or country (“Portland, OR”, “Toronto, Ontario”), a US ZIP code, a Canadian postal code, a British postcode (Northern Ireland's are not known yet) or an Australian postcode
field-error-lon-with-lat = is required with lat
field-error-lat-with-lon = is required with lon
field-error-radius-km-and-mi = give either radius_km or radius_mi, not both
field-error-radius = must be from 1 to 500 km (about 0.6 to 310 miles)
field-error-language-code = must be an ISO 639-1 code such as en or es
field-error-subdivision-code = must be an ISO 3166-2 code such as US-OR
field-error-no-place = give a place (near, or lat and lon), or telehealth=true with licensed_in
field-error-telehealth-only = without a place, the search lists telehealth clinicians only
field-error-unnamed-parameter-in-words = the search’s address has a value without a name; start a new search from the form
field-error-unknown-parameter-in-words = the search’s address asks for “{ $name }”, which this search does not know; start a new search from the form
field-error-near-and-coordinates-in-words = give a place or coordinates, not both
field-error-coordinates-in-words = give both coordinates of the place
field-error-radius-km-and-mi-in-words = give the distance once, in kilometres or in miles
field-error-no-place-in-words = give a town or postal code; or, to find telehealth only, choose the state or region where you live under “Licensed for telehealth in”

## Field errors: FHIR searches

field-error-fhir-format = only JSON is served: json, application/json or application/fhir+json
field-error-fhir-too-many-ids = name at most { $max } ids
field-error-fhir-date = must be a date or time such as 2026-12-03 or 2026-12-03T10:00:00Z, after an optional prefix eq, gt, ge, lt, le, sa or eb
field-error-fhir-one-value = takes one value
field-error-fhir-system = searches only the codes of { $system }
field-error-fhir-code = '{ $code }' is not a code of { $system }
field-error-fhir-near = must be latitude|longitude|distance|units, such as 45.52|-122.68|25|km
field-error-fhir-units = must give its distance in km, m, mi or [mi_i]
field-error-fhir-include = must be one of { $allowed }
field-error-fhir-not-with = cannot be combined with { $other }


## Prices

payment-local-currency = { $amounts } (local currency)

## Code lists: the label of each code, as `vocab-<list>-<code>`

vocab-profession-physician = Physician (MD, DO, MBBS)
vocab-profession-nurse_practitioner = Nurse practitioner
vocab-profession-physician_assistant = Physician assistant
vocab-profession-pharmacist = Clinical pharmacist
vocab-profession-psychologist = Psychologist
vocab-profession-therapist = Counselor, therapist or clinical social worker

vocab-specialty-psychiatry = Psychiatry
vocab-specialty-primary_care = Primary care (family, internal or general medicine)
vocab-specialty-geriatrics = Geriatrics
vocab-specialty-addiction_medicine = Addiction medicine
vocab-specialty-neurology = Neurology
vocab-specialty-pharmacotherapy = Pharmacotherapy
vocab-specialty-psychotherapy = Psychotherapy
vocab-specialty-other = Other

vocab-approach-symptom_guided = Pace set with the patient; cuts are paused or slowed when withdrawal symptoms are significant
vocab-approach-micro_taper = Very small reductions made daily or every few days
vocab-approach-liquid_titration = Dose suspended in a measured liquid (or a licensed oral liquid) for tiny, accurate cuts
vocab-approach-dry_cut_weighed = Tablets cut or ground and weighed on a milligram scale
vocab-approach-hyperbolic = Each cut a percentage of the current dose, so steps shrink and the end is slowest
vocab-approach-diazepam_crossover = Switch a short-acting benzodiazepine to diazepam step by step, then taper (Ashton Manual)
vocab-approach-direct_taper = Taper the drug already taken, without switching
vocab-approach-cut_and_hold = One cut, then hold until stable before the next
vocab-approach-tapering_strips = Pharmacy-made daily pouches of slowly decreasing doses
vocab-approach-reduce_and_maintain = Will hold at the lowest tolerated dose if further cuts are not tolerated

## Short names of the taper approaches, where the full label is too long

vocab-approach-name-symptom_guided = Symptom-guided pace
vocab-approach-name-micro_taper = Micro-taper
vocab-approach-name-liquid_titration = Liquid titration
vocab-approach-name-dry_cut_weighed = Dry cut, weighed
vocab-approach-name-hyperbolic = Hyperbolic (percentage) cuts
vocab-approach-name-diazepam_crossover = Diazepam crossover
vocab-approach-name-direct_taper = Direct taper
vocab-approach-name-cut_and_hold = Cut and hold
vocab-approach-name-tapering_strips = Tapering strips
vocab-approach-name-reduce_and_maintain = Reduce and maintain

## Benzo-wise practices, ways to pay, first-visit questions, reasons for a report

vocab-criterion-slow_taper_supported = Supports tapers that take as long as the patient needs, a year or more
vocab-criterion-patient_sets_pace = Lets the patient set the pace and pause when symptoms are hard
vocab-criterion-no_abrupt_stops = Never stops a benzodiazepine abruptly; knows the seizure risk of doing so
vocab-criterion-plans_exit_at_start = When prescribing, plans from the start how and when the drug will be reduced
vocab-criterion-non_drug_support = Offers or refers to non-drug tools: therapy, CBT-I, grounding, sleep hygiene
vocab-criterion-combination_caution = Cautious with benzodiazepines combined with opioids or other sedatives
vocab-criterion-withdrawal_history_respected = Takes a patient's past withdrawal experiences seriously
vocab-criterion-accepts_transfers = Accepts patients transferring care part-way through a taper
vocab-criterion-ashton_manual = Familiar with the Ashton Manual

vocab-payment-medicare = Medicare
vocab-payment-medicaid = Medicaid
vocab-payment-private_insurance = Private insurance
vocab-payment-tricare = TRICARE (military insurance)
vocab-payment-self_pay = Paying yourself
vocab-payment-sliding_scale = Sliding-scale fees
vocab-payment-free_care = Free care

vocab-question-typical_duration = How long do you typically keep patients on benzodiazepines?
vocab-question-dependence_plan = How do you handle tapering off if a patient develops dependence?
vocab-question-slow_taper = Do you support very slow, symptom-based tapers?

vocab-report-reason-inaccurate = Information on the listing is wrong or out of date
vocab-report-reason-not_benzo_wise = The clinician did not practise as the listing says
vocab-report-reason-closed = The practice has closed or moved
vocab-report-reason-impersonation = The listing was not made by the clinician it names
vocab-report-reason-other = Something else

## GET /api/v1/vocabulary

# $languages: the codes accepted, such as "en, es".
vocab-lang-unknown = must be one of { $languages }

## Countries (ISO 3166-1), by code

country-AD = Andorra
country-AE = United Arab Emirates
country-AF = Afghanistan
country-AG = Antigua and Barbuda
country-AI = Anguilla
country-AL = Albania
country-AM = Armenia
country-AO = Angola
country-AQ = Antarctica
country-AR = Argentina
country-AS = American Samoa
country-AT = Austria
country-AU = Australia
country-AW = Aruba
country-AX = Åland Islands
country-AZ = Azerbaijan
country-BA = Bosnia and Herzegovina
country-BB = Barbados
country-BD = Bangladesh
country-BE = Belgium
country-BF = Burkina Faso
country-BG = Bulgaria
country-BH = Bahrain
country-BI = Burundi
country-BJ = Benin
country-BL = Saint Barthélemy
country-BM = Bermuda
country-BN = Brunei
country-BO = Bolivia
country-BQ = Bonaire, Sint Eustatius and Saba
country-BR = Brazil
country-BS = Bahamas
country-BT = Bhutan
country-BV = Bouvet Island
country-BW = Botswana
country-BY = Belarus
country-BZ = Belize
country-CA = Canada
country-CC = Cocos (Keeling) Islands
country-CD = Democratic Republic of the Congo
country-CF = Central African Republic
country-CG = Republic of the Congo
country-CH = Switzerland
country-CI = Côte d'Ivoire
country-CK = Cook Islands
country-CL = Chile
country-CM = Cameroon
country-CN = China
country-CO = Colombia
country-CR = Costa Rica
country-CU = Cuba
country-CV = Cabo Verde
country-CW = Curaçao
country-CX = Christmas Island
country-CY = Cyprus
country-CZ = Czechia
country-DE = Germany
country-DJ = Djibouti
country-DK = Denmark
country-DM = Dominica
country-DO = Dominican Republic
country-DZ = Algeria
country-EC = Ecuador
country-EE = Estonia
country-EG = Egypt
country-EH = Western Sahara
country-ER = Eritrea
country-ES = Spain
country-ET = Ethiopia
country-FI = Finland
country-FJ = Fiji
country-FK = Falkland Islands
country-FM = Micronesia
country-FO = Faroe Islands
country-FR = France
country-GA = Gabon
country-GB = United Kingdom
country-GD = Grenada
country-GE = Georgia
country-GF = French Guiana
country-GG = Guernsey
country-GH = Ghana
country-GI = Gibraltar
country-GL = Greenland
country-GM = Gambia
country-GN = Guinea
country-GP = Guadeloupe
country-GQ = Equatorial Guinea
country-GR = Greece
country-GS = South Georgia and the South Sandwich Islands
country-GT = Guatemala
country-GU = Guam
country-GW = Guinea-Bissau
country-GY = Guyana
country-HK = Hong Kong
country-HM = Heard Island and McDonald Islands
country-HN = Honduras
country-HR = Croatia
country-HT = Haiti
country-HU = Hungary
country-ID = Indonesia
country-IE = Ireland
country-IL = Israel
country-IM = Isle of Man
country-IN = India
country-IO = British Indian Ocean Territory
country-IQ = Iraq
country-IR = Iran
country-IS = Iceland
country-IT = Italy
country-JE = Jersey
country-JM = Jamaica
country-JO = Jordan
country-JP = Japan
country-KE = Kenya
country-KG = Kyrgyzstan
country-KH = Cambodia
country-KI = Kiribati
country-KM = Comoros
country-KN = Saint Kitts and Nevis
country-KP = North Korea
country-KR = South Korea
country-KW = Kuwait
country-KY = Cayman Islands
country-KZ = Kazakhstan
country-LA = Laos
country-LB = Lebanon
country-LC = Saint Lucia
country-LI = Liechtenstein
country-LK = Sri Lanka
country-LR = Liberia
country-LS = Lesotho
country-LT = Lithuania
country-LU = Luxembourg
country-LV = Latvia
country-LY = Libya
country-MA = Morocco
country-MC = Monaco
country-MD = Moldova
country-ME = Montenegro
country-MF = Saint Martin (French part)
country-MG = Madagascar
country-MH = Marshall Islands
country-MK = North Macedonia
country-ML = Mali
country-MM = Myanmar
country-MN = Mongolia
country-MO = Macao
country-MP = Northern Mariana Islands
country-MQ = Martinique
country-MR = Mauritania
country-MS = Montserrat
country-MT = Malta
country-MU = Mauritius
country-MV = Maldives
country-MW = Malawi
country-MX = Mexico
country-MY = Malaysia
country-MZ = Mozambique
country-NA = Namibia
country-NC = New Caledonia
country-NE = Niger
country-NF = Norfolk Island
country-NG = Nigeria
country-NI = Nicaragua
country-NL = Netherlands
country-NO = Norway
country-NP = Nepal
country-NR = Nauru
country-NU = Niue
country-NZ = New Zealand
country-OM = Oman
country-PA = Panama
country-PE = Peru
country-PF = French Polynesia
country-PG = Papua New Guinea
country-PH = Philippines
country-PK = Pakistan
country-PL = Poland
country-PM = Saint Pierre and Miquelon
country-PN = Pitcairn
country-PR = Puerto Rico
country-PS = Palestine
country-PT = Portugal
country-PW = Palau
country-PY = Paraguay
country-QA = Qatar
country-RE = Réunion
country-RO = Romania
country-RS = Serbia
country-RU = Russia
country-RW = Rwanda
country-SA = Saudi Arabia
country-SB = Solomon Islands
country-SC = Seychelles
country-SD = Sudan
country-SE = Sweden
country-SG = Singapore
country-SH = Saint Helena, Ascension and Tristan da Cunha
country-SI = Slovenia
country-SJ = Svalbard and Jan Mayen
country-SK = Slovakia
country-SL = Sierra Leone
country-SM = San Marino
country-SN = Senegal
country-SO = Somalia
country-SR = Suriname
country-SS = South Sudan
country-ST = Sao Tome and Principe
country-SV = El Salvador
country-SX = Sint Maarten (Dutch part)
country-SY = Syria
country-SZ = Eswatini
country-TC = Turks and Caicos Islands
country-TD = Chad
country-TF = French Southern Territories
country-TG = Togo
country-TH = Thailand
country-TJ = Tajikistan
country-TK = Tokelau
country-TL = Timor-Leste
country-TM = Turkmenistan
country-TN = Tunisia
country-TO = Tonga
country-TR = Türkiye
country-TT = Trinidad and Tobago
country-TV = Tuvalu
country-TW = Taiwan
country-TZ = Tanzania
country-UA = Ukraine
country-UG = Uganda
country-UM = United States Minor Outlying Islands
country-US = United States
country-UY = Uruguay
country-UZ = Uzbekistan
country-VA = Vatican City
country-VC = Saint Vincent and the Grenadines
country-VE = Venezuela
country-VG = British Virgin Islands
country-VI = U.S. Virgin Islands
country-VN = Vietnam
country-VU = Vanuatu
country-WF = Wallis and Futuna
country-WS = Samoa
country-YE = Yemen
country-YT = Mayotte
country-ZA = South Africa
country-ZM = Zambia
country-ZW = Zimbabwe

## Regions (ISO 3166-2): US states, DC and territories; Canadian provinces and territories; the UK's nations; Australian states and territories

region-US-AK = Alaska
region-US-AL = Alabama
region-US-AR = Arkansas
region-US-AS = American Samoa
region-US-AZ = Arizona
region-US-CA = California
region-US-CO = Colorado
region-US-CT = Connecticut
region-US-DC = District of Columbia
region-US-DE = Delaware
region-US-FL = Florida
region-US-GA = Georgia
region-US-GU = Guam
region-US-HI = Hawaii
region-US-IA = Iowa
region-US-ID = Idaho
region-US-IL = Illinois
region-US-IN = Indiana
region-US-KS = Kansas
region-US-KY = Kentucky
region-US-LA = Louisiana
region-US-MA = Massachusetts
region-US-MD = Maryland
region-US-ME = Maine
region-US-MI = Michigan
region-US-MN = Minnesota
region-US-MO = Missouri
region-US-MP = Northern Mariana Islands
region-US-MS = Mississippi
region-US-MT = Montana
region-US-NC = North Carolina
region-US-ND = North Dakota
region-US-NE = Nebraska
region-US-NH = New Hampshire
region-US-NJ = New Jersey
region-US-NM = New Mexico
region-US-NV = Nevada
region-US-NY = New York
region-US-OH = Ohio
region-US-OK = Oklahoma
region-US-OR = Oregon
region-US-PA = Pennsylvania
region-US-PR = Puerto Rico
region-US-RI = Rhode Island
region-US-SC = South Carolina
region-US-SD = South Dakota
region-US-TN = Tennessee
region-US-TX = Texas
region-US-UM = United States Minor Outlying Islands
region-US-UT = Utah
region-US-VA = Virginia
region-US-VI = U.S. Virgin Islands
region-US-VT = Vermont
region-US-WA = Washington
region-US-WI = Wisconsin
region-US-WV = West Virginia
region-US-WY = Wyoming
region-CA-AB = Alberta
region-CA-BC = British Columbia
region-CA-MB = Manitoba
region-CA-NB = New Brunswick
region-CA-NL = Newfoundland and Labrador
region-CA-NS = Nova Scotia
region-CA-NT = Northwest Territories
region-CA-NU = Nunavut
region-CA-ON = Ontario
region-CA-PE = Prince Edward Island
region-CA-QC = Quebec
region-CA-SK = Saskatchewan
region-CA-YT = Yukon
region-GB-ENG = England
region-GB-NIR = Northern Ireland
region-GB-SCT = Scotland
region-GB-WLS = Wales
region-AU-ACT = Australian Capital Territory
region-AU-NSW = New South Wales
region-AU-NT = Northern Territory
region-AU-QLD = Queensland
region-AU-SA = South Australia
region-AU-TAS = Tasmania
region-AU-VIC = Victoria
region-AU-WA = Western Australia

## Languages (ISO 639-1), by code

language-aa = Afar
language-ab = Abkhazian
language-acm = Mesopotamian Arabic
language-ae = Avestan
language-af = Afrikaans
language-ak = Akan
language-am = Amharic
language-an = Aragonese
language-apc = Levantine Arabic
language-ar = Arabic
language-ary = Moroccan Arabic
language-arz = Egyptian Arabic
language-as = Assamese
language-ase = American Sign Language
language-av = Avaric
language-ay = Aymara
language-az = Azerbaijani
language-ba = Bashkir
language-be = Belarusian
language-bfi = British Sign Language
language-bg = Bulgarian
language-bho = Bhojpuri
language-bi = Bislama
language-bm = Bambara
language-bn = Bengali
language-bo = Tibetan
language-br = Breton
language-bs = Bosnian
language-ca = Catalan
language-ce = Chechen
language-ceb = Cebuano
language-ch = Chamorro
language-chr = Cherokee
language-ckb = Central Kurdish (Sorani)
language-cmn = Mandarin Chinese
language-co = Corsican
language-cr = Cree
language-cs = Czech
language-cu = Church Slavonic
language-cv = Chuvash
language-cy = Welsh
language-da = Danish
language-de = German
language-dv = Dhivehi
language-dz = Dzongkha
language-ee = Ewe
language-el = Greek
language-en = English
language-eo = Esperanto
language-es = Spanish
language-et = Estonian
language-eu = Basque
language-fa = Persian
language-ff = Fula
language-fi = Finnish
language-fil = Filipino
language-fj = Fijian
language-fo = Faroese
language-fr = French
language-fy = Western Frisian
language-ga = Irish
language-gd = Scottish Gaelic
language-gl = Galician
language-gn = Guarani
language-gu = Gujarati
language-gv = Manx
language-ha = Hausa
language-hak = Hakka Chinese
language-haw = Hawaiian
language-he = Hebrew
language-hi = Hindi
language-hmn = Hmong
language-ho = Hiri Motu
language-hr = Croatian
language-ht = Haitian Creole
language-hu = Hungarian
language-hy = Armenian
language-hz = Herero
language-ia = Interlingua
language-id = Indonesian
language-ie = Interlingue
language-ig = Igbo
language-ii = Sichuan Yi
language-ik = Inupiaq
language-ilo = Ilocano
language-io = Ido
language-is = Icelandic
language-it = Italian
language-iu = Inuktitut
language-ja = Japanese
language-jam = Jamaican Creole
language-jv = Javanese
language-ka = Georgian
language-kea = Cape Verdean Creole
language-kg = Kongo
language-ki = Kikuyu
language-kj = Kuanyama
language-kk = Kazakh
language-kl = Greenlandic
language-km = Khmer
language-kmr = Northern Kurdish (Kurmanji)
language-kn = Kannada
language-ko = Korean
language-kr = Kanuri
language-ks = Kashmiri
language-ku = Kurdish
language-kv = Komi
language-kw = Cornish
language-ky = Kyrgyz
language-la = Latin
language-lb = Luxembourgish
language-lg = Ganda
language-li = Limburgish
language-lkt = Lakota
language-ln = Lingala
language-lo = Lao
language-lt = Lithuanian
language-lu = Luba-Katanga
language-lv = Latvian
language-mai = Maithili
language-mam = Mam
language-mfs = Mexican Sign Language
language-mg = Malagasy
language-mh = Marshallese
language-mi = Māori
language-mk = Macedonian
language-ml = Malayalam
language-mn = Mongolian
language-mr = Marathi
language-ms = Malay
language-mt = Maltese
language-my = Burmese
language-na = Nauru
language-nan = Min Nan Chinese (Taiwanese, Hokkien)
language-nb = Norwegian Bokmål
language-nd = North Ndebele
language-ne = Nepali
language-ng = Ndonga
language-nl = Dutch
language-nn = Norwegian Nynorsk
language-no = Norwegian
language-nr = South Ndebele
language-nv = Navajo
language-ny = Chichewa
language-oc = Occitan
language-oj = Ojibwa
language-om = Oromo
language-or = Odia
language-os = Ossetian
language-pa = Punjabi
language-pap = Papiamento
language-pi = Pali
language-pl = Polish
language-prs = Dari
language-ps = Pashto
language-pt = Portuguese
language-qu = Quechua
language-quc = K'iche'
language-rm = Romansh
language-rn = Rundi
language-ro = Romanian
language-ru = Russian
language-rw = Kinyarwanda
language-sa = Sanskrit
language-sc = Sardinian
language-sd = Sindhi
language-se = Northern Sami
language-sg = Sango
language-si = Sinhala
language-sk = Slovak
language-sl = Slovenian
language-sm = Samoan
language-sn = Shona
language-so = Somali
language-sq = Albanian
language-sr = Serbian
language-ss = Swati
language-st = Southern Sotho
language-su = Sundanese
language-sv = Swedish
language-sw = Swahili
language-ta = Tamil
language-te = Telugu
language-tg = Tajik
language-th = Thai
language-ti = Tigrinya
language-tk = Turkmen
language-tl = Tagalog
language-tn = Tswana
language-to = Tongan
language-tr = Turkish
language-ts = Tsonga
language-tt = Tatar
language-tw = Twi
language-ty = Tahitian
language-tzh = Tzeltal
language-tzo = Tzotzil
language-ug = Uyghur
language-uk = Ukrainian
language-ur = Urdu
language-uz = Uzbek
language-ve = Venda
language-vi = Vietnamese
language-vo = Volapük
language-wa = Walloon
language-wo = Wolof
language-wuu = Wu Chinese (Shanghainese)
language-xh = Xhosa
language-yi = Yiddish
language-yo = Yoruba
language-yua = Yucatec Maya
language-yue = Cantonese
language-za = Zhuang
language-zap = Zapotec
language-zh = Chinese
language-zu = Zulu

## Mail to clinicians. Plain text; { $name } is the clinician's name as listed.

mail-signature = — benzowise, a directory of clinicians who support gradual, patient-led benzodiazepine tapering
mail-received-subject = We received your listing
mail-received-body =
    Dear { $name },

    Thank you for sending your listing to benzowise. A moderator will review it, usually within a few days, and we will write to you when it is decided.

    This is your private link to see, edit or withdraw your listing. Keep it safe and do not share it:

    { $link }

    If you lose it, use "Lost your link?" on the site to get a new one sent to this address.
mail-approved-subject = Your listing is public
mail-approved-body =
    Dear { $name },

    A moderator approved your listing, and patients can now find it:

    { $link }

    Once a year we will ask you to confirm that your details are still correct.
mail-rejected-subject = Your listing was not approved
mail-rejected-body =
    Dear { $name },

    A moderator did not approve what you sent, for this reason:

    { $reason }

    You can change it and send it again from your private link.
mail-suspended-subject = Your listing is suspended
mail-suspended-body =
    Dear { $name },

    A moderator has taken your listing out of the directory for now, for this reason:

    { $reason }

    Reply to this message if you think this is a mistake.
mail-reinstated-subject = Your listing is public again
mail-reinstated-body =
    Dear { $name },

    A moderator has put your listing back in the directory:

    { $link }

## Lost-link recovery: the form, its answer, the pages a recovery link opens, and its mail

recovery-lost-link = Lost your link?
recovery-already-listed = Listed already?
recovery-manage-hint = If you ever lose this link, we can mail a new one to your contact email:
recovery-title = Get a new private link
recovery-lead = Type the contact email you gave with your listing. If a listing uses it, we will send a new private link there. That link works once, within 24 hours.
recovery-email = Contact email
recovery-button = Send me a link
recovery-sent-title = Check your mail
recovery-sent = If a listing uses that address, we have sent a link to it. It works once, within 24 hours. If nothing arrives in a few minutes, look in your spam folder, or try another address you may have used.
recovery-confirm-title = Make a new private link
recovery-confirm-lead = Press the button to make a new private link to your listing. Your old link stops working at once.
recovery-confirm-button = Make my new link
recovery-done-title = Your new private link
recovery-done-save = Save this link now
recovery-done-why = It is the only way to edit or withdraw your listing, and your old link no longer works. If you lose this one too, you can ask again.
recovery-done-listing = Your listing number is { $id }.
recovery-unusable-title = This link no longer works
recovery-unknown = We do not know this link. Check that you copied all of it from the message.
recovery-used = This link was already used: each one works once. If you made a new private link with it, use that one.
recovery-expired = This link has expired: each one works for 24 hours.
recovery-ask-again = Ask for a new link
mail-recovery-subject = A new private link to your listing
mail-recovery-body =
    Dear { $name },

    Someone, most likely you, asked for a new private link to your listing. Open this page within 24 hours and press its button to get it:

    { $link }

    This page works once. Until you use it, your current private link keeps working. If you did not ask, you can ignore this message.

## Freshness: confirming the details once a year, reminders, and lapsed listings

profile-confirmed = Details confirmed by the clinician in { $month }
profile-lapsed-title = This listing is not shown for now
profile-lapsed-detail = The clinician has not confirmed for a while that these details are still correct, so the listing is hidden until they do. You can search for other clinicians who support a slow taper.
search-card-confirmed = Details confirmed by the clinician in { $month }
manage-status-lapsed = Hidden, because you did not confirm your details in time. Press “My details are still correct” below and it is public again at once.
manage-confirmed-at = Last confirmed
manage-confirm = Are your details still correct?
manage-confirm-lead = Once a year we ask you to confirm that your listing is still correct, so that patients can trust it. If it is, press the button. If something changed, send a new version below instead.
manage-confirm-button = My details are still correct
manage-notice-confirmed = Thank you. Your details are confirmed for another year.
moderate-action-confirm = Confirmed the details
moderate-action-availability = Changed whether accepting new patients (published at once)
moderate-action-reminder-soon = Sent a reminder (30 days before)
moderate-action-reminder-due = Sent a reminder (due today)
moderate-action-lapse = Lapsed (not confirmed in time)
mail-reminder-soon-subject = Are your listing's details still correct?
mail-reminder-soon-body =
    Dear { $name },

    Once a year we ask each clinician to confirm that their listing is still correct, so that patients can trust what they read. Yours is due on { $due }.

    Open your private link to your listing (it was in the mail we sent when you submitted it) and press “My details are still correct”. If something changed, send a new version from the same page instead.

    If you no longer have your private link, we can mail you a new one:

    { $link }
mail-reminder-due-subject = Please confirm your listing's details today
mail-reminder-due-body =
    Dear { $name },

    Your listing is due for its yearly confirmation today, { $due }. Open your private link to your listing and press “My details are still correct”. If you do not confirm within 60 days, we will hide the listing until you do.

    If you no longer have your private link, we can mail you a new one:

    { $link }
mail-lapsed-subject = Your listing is hidden until you confirm it
mail-lapsed-body =
    Dear { $name },

    Your listing was due for confirmation on { $due }, and we have not heard from you, so patients no longer see it. Nothing is lost: open your private link to your listing and press “My details are still correct”, and it is public again at once.

    If you no longer have your private link, we can mail you a new one:

    { $link }

## Mail to moderators

mail-digest-subject = { $count ->
    [one] 1 item is waiting for review
   *[other] { $count } items are waiting for review
  }
mail-digest-body =
    Waiting on benzowise: { $submissions ->
        [one] 1 submission
       *[other] { $submissions } submissions
      } and { $reports ->
        [one] 1 open report
       *[other] { $reports } open reports
      }.

    { $link }
moderate-lapsed-heading = Lapsed listings ({ $count })
moderate-lapsed-empty = No listing has lapsed.
moderate-lapsed-lead = Hidden because their clinicians did not confirm their details in time. Each one is public again as soon as its clinician confirms.
moderate-lapsed-item = { $name } (listing { $id }, { $email })
moderate-lapsed-confirmed = last confirmed { $date }
moderate-lapsed-more = The { $count } that lapsed longest ago are shown.

## Moderators: mail that could not be sent, and recovered links in the audit trail

moderate-undelivered-heading = Mail that could not be sent
moderate-undelivered-lead = These messages failed every try. Write to the person another way if it matters.
moderate-undelivered-item = To { $recipient }: “{ $subject }”, written { $date }, tried { $attempts } times
moderate-action-recover-link = Replaced a lost link

## Moderators: the log-in's second step

moderate-code-title = Your two-factor code
moderate-code-label = Code
moderate-code-hint = The six digits your authenticator app shows now, or one of your recovery codes.
moderate-code-button = Continue
moderate-code-wrong = That code is not right, or was used already. Try the code your app shows now.

## Moderators: the workbench

moderate-nav-label = Workbench
moderate-nav-queue = Queue
moderate-nav-reports = Reports
moderate-nav-listings = Listings
moderate-nav-audit = Audit trail
moderate-nav-two-factor = Two factors
moderate-nav-moderators = Moderators
moderate-nav-reasons = Rejection reasons
moderate-pages-label = Pages
moderate-pages-next = Next page
moderate-pages-older = Older events
moderate-pages-where = Page { $page } of { $count }
moderate-pages-previous = Previous page
moderate-pages-number = Page { $page }
moderate-yes = yes
moderate-no = no
moderate-notice-disabled = Account disabled: its sessions have ended.
moderate-notice-enabled = Account enabled again.

## Moderators: the queue

moderate-queue-title = Waiting for review
moderate-queue-counts = { $pending } waiting: { $new } new listings, { $edits } edits, { $flagged } with red flags, { $waiting } waiting more than { $days ->
    [one] 1 day
   *[other] { $days } days
  }.
moderate-filter-kind = Kind
moderate-filter-kind-any = Any
moderate-filter-flagged = Only with red flags
moderate-filter-waiting = Waiting more than (days)
moderate-filter-button = Show
moderate-queue-caption = Oldest first
moderate-queue-sent = Sent (UTC)
moderate-queue-name = Name
moderate-queue-city = City
moderate-queue-kind = Kind
moderate-queue-flags = Red flags
moderate-queue-claim = Being reviewed
moderate-queue-search = Name, city, NPI, email or listing number
moderate-filter-region = Region
moderate-filter-hide-claimed = Hide what others are reviewing
moderate-queue-matching = { $count ->
    [one] 1 submission matches
   *[other] { $count } submissions match
  }
moderate-claim = { $username } is reviewing (since { $since } UTC)
moderate-claim-yours = You are reviewing (since { $since } UTC)

## Moderators: one submission

moderate-review-title = { $name }, listing { $listing }: { $kind }
moderate-review-sent = sent { $when } UTC
moderate-review-email = private email { $email }
moderate-review-unclaimed = unclaimed: no email in the list it was imported from; it gets no mail and no manage link
moderate-to-be-chosen = The list this was imported from did not say the profession or the specialty: choose it below before approving.
moderate-choose = Choose…
moderate-reverify-hint = This listing was added from a public list and has no clinician to confirm it each year. Call the practice; if the details are still right, say so here: it counts as this year's confirmation.
moderate-reverify-day = Day you verified it by phone
moderate-reverify = Verified by phone
moderate-field-to-be-chosen = to be chosen (the imported list did not say)
moderate-kept-from-import = In the imported list, not in the listing
moderate-review-decided = This submission is { $status }.
moderate-duplicates-heading = Possibly the same clinician
moderate-duplicate-npi = same NPI
moderate-duplicate-name = same name in the same city
moderate-review-details = The submission
moderate-review-answers = Answers and statement
moderate-npi-registry = (opens the public NPPES registry)
moderate-field-practice = Practice
moderate-field-address = Address
moderate-field-contact = Phone, website, public email
moderate-field-telehealth = Telehealth
moderate-field-accepting = Accepting new patients
moderate-field-approaches = Taper approaches
moderate-field-criteria = Benzo-wise criteria
moderate-review-skip = Skip to the next submission
moderate-review-back = Back to the queue
moderate-claim-decide-anyway = You can still decide it: the first decision counts, and a second one is refused.
moderate-claim-others-see = The other moderators see it for { $minutes } minutes.
moderate-field-region = State or region
moderate-field-country = Country
moderate-field-latitude = Latitude
moderate-field-longitude = Longitude
moderate-field-licensed-regions = Telehealth licences
moderate-field-languages = Languages
moderate-field-names-derived = Names taken from the full name
moderate-field-self-pay-first-visit = Paying yourself, first visit
moderate-field-self-pay-follow-up = Paying yourself, follow-up visit
moderate-field-location-source = Placed on the map from
moderate-location-source-given = the coordinates given
moderate-location-source-postal_code = the postal code
moderate-location-source-city = the city
moderate-field-status = Listing
moderate-field-submission-status = Submission
moderate-field-report-status = Report
moderate-field-confirmed-at = Details confirmed

## Moderators: finding a listing

moderate-find-title = Listings
moderate-find-label = Name, NPI, city or listing number
moderate-find-button = Find
moderate-find-none = No listing matches.
moderate-find-caption = Newest first
moderate-find-count = { $count ->
    [one] 1 listing matches
   *[other] { $count } listings match
  }
moderate-find-number = Number
moderate-listing-status = Status
moderate-status-pending = pending
moderate-status-rejected = rejected
moderate-status-approved = public
moderate-status-suspended = suspended
moderate-status-withdrawn = withdrawn
moderate-status-lapsed = lapsed
moderate-listing-title = { $name }, listing { $id }
moderate-listing-public-page = public page
moderate-suspend-reason = Why it is suspended (the clinician sees it)
moderate-versions-heading = Versions
moderate-versions-number = Number
moderate-versions-decided = Decided
moderate-listing-reports = Reports
moderate-listing-history = History
moderate-listing-all-events = The whole audit trail of this listing

## Moderators: reports and the audit trail

moderate-reports-title = Open reports
moderate-audit-title = Audit trail
moderate-audit-from = From
moderate-audit-to = To
moderate-audit-none = No event matches.
moderate-audit-more-changes = { $count ->
    [one] and 1 more field
   *[other] and { $count } more fields
  }
moderate-action-invite-moderator = Invited a moderator
moderate-action-revoke-invitation = Revoked an invitation
moderate-action-disable-moderator = Disabled a moderator
moderate-action-enable-moderator = Enabled a moderator

## Moderators: accounts

moderate-accounts-title = Moderators
moderate-accounts-role = Role
moderate-accounts-two-factor = Two factors
moderate-accounts-last-login = Last log-in (UTC)
moderate-accounts-actions = Actions
moderate-accounts-never = never
moderate-accounts-disabled = disabled
moderate-accounts-active = active
moderate-accounts-disable = Disable { $username }
moderate-accounts-enable = Enable { $username }
moderate-role-admin = admin
moderate-role-moderator = moderator
moderate-invite-heading = Invite a moderator
moderate-invite-lead = They get a link by mail to choose a password, valid for { $hours } hours and once only.
moderate-invite-email = Email address
moderate-invite-admin = An admin, who may also invite and disable moderators
moderate-invite-button = Send the invitation
moderate-invites-open-heading = Invitations not yet used
moderate-invites-expires = Works until
moderate-invites-revoke = Revoke the invitation for { $username }
moderate-notice-revoked = The invitation was revoked: its link no longer works.
moderate-invite-sent = Invitation sent. If the mail does not arrive, hand over this link yourself; it works once, for { $hours } hours:
moderate-join-title = Join the moderators
moderate-join-lead = You are invited as { $username }, { $role }. Choose a password; then set up two factors.
moderate-join-password = Password (at least 12 characters)
moderate-join-password-again = The same password again
moderate-join-button = Create my account

## Moderators: two factors

moderate-two-factor-title = Two-factor authentication
moderate-two-factor-on = Two factors are on. { $count ->
    [one] 1 recovery code is left.
   *[other] { $count } recovery codes are left.
  }
moderate-two-factor-required = Set up two factors before anything else: this site requires them of every moderator.
moderate-two-factor-scan = Scan this code with an authenticator app (such as Aegis, FreeOTP or Google Authenticator).
moderate-two-factor-qr-label = QR code of your two-factor secret
moderate-two-factor-type = Or type this secret into the app:
moderate-two-factor-code = The six-digit code the app shows now
moderate-two-factor-button = Turn on two factors
moderate-recovery-title = Your recovery codes
moderate-recovery-lead = Two factors are on. Keep these ten codes somewhere safe: each lets you log in once without your phone. They are shown only now.
moderate-recovery-continue = Continue to the queue

field-error-username-taken = is taken by another moderator
field-error-passwords-differ = must be the same password twice
field-error-totp-code = is not the code the app shows now; check the phone's clock and try the newest code
field-error-date = must be a day as YYYY-MM-DD
field-error-date-before-from = must not be before From

## Mail to a new moderator

mail-invite-subject = You are invited to moderate benzowise
mail-invite-body =
    You are invited to moderate benzowise as { $username }.

    Choose your password here; the link works once, for { $hours } hours:
    { $link }

    Then you will set up two-factor authentication with an authenticator app.
moderate-submission-status-pending = waiting for review
moderate-submission-status-approved = approved
moderate-submission-status-rejected = rejected
moderate-submission-status-superseded = replaced by a later version
moderate-report-status-open = open
moderate-report-status-resolved = resolved
moderate-submission-status-withdrawn = withdrawn by the clinician
field-error-nul = must not contain a NUL character
moderate-action-reset-two-factor = Reset a moderator's two factors
moderate-action-import = Imported a listing from another directory's package
moderate-action-reverify = Verified an unclaimed listing by phone

## A patient's first search: places as typed, the results at a glance, urgent help, the history sheet

field-error-place-ambiguous = '{ $place }' could be several places: { $places }; choose one, or add its state, province or country
field-error-place-close = no place called '{ $place }' was found; did you mean { $places }?
# $place is the town and region, such as "Marfa, Texas"; $code the postal code typed.
search-place-with-code = { $place } ({ $code })
search-which-title = Which { $place }?
search-which-lead = Several places are called “{ $place }”. Choose yours; your other choices stay as they were.
search-which-other = Not among them? Type the town with its state, province or country, such as “{ $example }”.
search-did-you-mean = Did you mean:
search-form-more-chosen = { $count ->
    [one] More choices (1 chosen)
   *[other] More choices ({ $total } chosen)
  }
search-chips-label = Your choices
# The name of a link that takes one choice off the search.
search-chip-remove = Remove { $choice }
search-chips-clear = Clear all choices
search-chip-within = Within { $distance }
search-chip-licensed-in = Licensed in { $region }
search-results-empty-remove = take off one of your choices:
search-results-empty-none-chosen = You made no other choices, so every clinician near enough would show.
search-licensed-count = { $count ->
    [one] One clinician offers telehealth with a licence in { $region }.
    [2] Both clinicians who offer telehealth with a licence in { $region } are listed here.
   *[other] { $total } clinicians offer telehealth with a licence in { $region }.
  }
search-licensed-above = { $count ->
    [one] One of them is already listed above, so it is not repeated here.
    [2] Both of them are already listed above, so they are not repeated here.
   *[other] { $total } of them are already listed above, so they are not repeated here.
  }
footer-postcodes = Postal areas of Great Britain from Ordnance Survey Code-Point Open (contains OS data © Crown copyright and database right; Royal Mail data © Royal Mail copyright and database right; Open Government Licence); of Canada and Australia from the countries-states-cities database (ODbL 1.0).
urgent-heading = Urgent help
# $country is the country whose numbers follow.
urgent-where = { $country }:
urgent-elsewhere = Call your local emergency number.
urgent-advice = Never stop a benzodiazepine suddenly. Seizures, hallucinations or thoughts of suicide are an emergency: call now.
urgent-line-emergency = Emergency
urgent-line-us-988 = 988 Suicide & Crisis Lifeline (call or text)
urgent-line-us-samhsa = SAMHSA's National Helpline (free, confidential, every day)
urgent-line-ca-988 = 988 Suicide Crisis Helpline (call or text)
urgent-line-gb-111 = NHS 111 (urgent medical help)
urgent-line-gb-samaritans = Samaritans (any time, free)
urgent-line-au-lifeline = Lifeline (crisis support)
print-button = Print this page
profile-back = Back to results
profile-questions = Questions to ask
profile-history = Your history for a first visit
questions-history = Also bring your history: fill in the history sheet and print it.
history-title = Your history for a first visit
history-lead = A clinician needs a short history: your doses, how long you have taken them, and what happened when you reduced before. Fill in what you can and make a one-page sheet to print and take with you.
history-private = Nothing you type here is kept: it is not saved, not logged and not sent anywhere but back to this page. Print the sheet or save it before you leave.
history-medicines = Medicines and current doses
history-medicines-hint = Every medicine, with its dose and when you take it; include sleeping pills, pain medicines and supplements.
history-since = Taken since
history-since-hint = When you started each one, roughly.
history-reductions = Past reductions and what happened
history-reductions-hint = When you cut down or stopped before, how fast, and how you felt.
history-symptoms = Symptoms now
history-want = What I want from this visit
history-questions = My questions
history-make = Make my sheet
history-sheet-title = My history for this visit
history-sheet-not-given = (not filled in)
history-sheet-change = Change something
profile-links-label = About this listing
# Short names of the benzo-wise practices, for cards and chips; profiles give the full label.
vocab-criterion-name-slow_taper_supported = Slow tapers, a year or more
vocab-criterion-name-patient_sets_pace = Patient sets the pace
vocab-criterion-name-no_abrupt_stops = No abrupt stops
vocab-criterion-name-plans_exit_at_start = Plans the way off at the start
vocab-criterion-name-non_drug_support = Non-drug support
vocab-criterion-name-combination_caution = Careful with sedative combinations
vocab-criterion-name-withdrawal_history_respected = Respects past withdrawal
vocab-criterion-name-accepts_transfers = Takes transfers mid-taper
vocab-criterion-name-ashton_manual = Knows the Ashton Manual

## Read by machines (search engines, HSDS and FHIR clients)
field-error-fhir-one-of = must be one of { $allowed }
meta-description-home = Find a clinician who supports gradual, patient-led benzodiazepine tapering, near you or by telehealth. Every listing is reviewed by a moderator. Information, not medical advice.
meta-description-search = Clinicians who support gradual, patient-led benzodiazepine tapering, nearest first.
meta-description-questions = Questions to ask a clinician at a first visit about benzodiazepines and tapering, with the answers that should worry you. Printable.
meta-description-submit = Clinicians who support slow, patient-led benzodiazepine tapers: add your profile to the directory. A moderator reviews it before it is public.
meta-description-profile = { $name }, { $profession } in { $place }, supports gradual, patient-led benzodiazepine tapering.
meta-description-profile-approaches = { $name }, { $profession } in { $place }, supports gradual, patient-led benzodiazepine tapering: { $approaches }.
form-family-name = Family name (surname)
form-family-name-hint = As health plans' directories list you. Left blank, it is taken from your full name, and a moderator checks it.
form-given-names = Given names
form-given-names-hint = First and middle names.
moderate-field-names = Family and given names
moderate-names = { $family } (family name), { $given } (given names)
moderate-names-derived = (derived from the full name: check them, and ask the clinician to correct them if they are wrong)

## The national provider registry (NPPES)
profile-npi-verified = NPI checked against the national provider registry (NPPES) on { $month }
vocab-report-reason-npi_deactivated = The national provider registry (NPPES) lists the NPI as deactivated
moderate-nppes-heading = National provider registry (NPPES)
moderate-nppes-red-flag = Red flag:
moderate-nppes-matches = The registry's entry for NPI { $npi } matches the listing's name and state.
moderate-nppes-differs-name = the name in the registry differs from the listing's name.
moderate-nppes-differs-state = the listing's state is neither the registry's practice state nor a state of its licences.
moderate-nppes-deactivated = the registry lists NPI { $npi } as deactivated on { $date }.
moderate-nppes-not-in-file = NPI { $npi } is not in the loaded registry file.
moderate-nppes-no-file = No registry file is loaded, so NPI { $npi } could not be checked against it.
moderate-nppes-file-date = The loaded registry file runs to { $date }.
moderate-nppes-name = Name in the registry
moderate-nppes-credential = Credential in the registry
moderate-nppes-practice = Practice city and state
moderate-nppes-taxonomy = Primary taxonomy
moderate-nppes-licences = States of its licences
moderate-nppes-updated = Last updated in the registry
moderate-nppes-reactivated = Reactivated on
nucc-2084P0800X = Psychiatry & Neurology, Psychiatry
nucc-2084P0802X = Psychiatry & Neurology, Addiction Psychiatry
nucc-2084P0804X = Psychiatry & Neurology, Child & Adolescent Psychiatry
nucc-2084P0805X = Psychiatry & Neurology, Geriatric Psychiatry
nucc-2084N0400X = Psychiatry & Neurology, Neurology
nucc-2084A0401X = Psychiatry & Neurology, Addiction Medicine
nucc-207Q00000X = Family Medicine
nucc-207QA0401X = Family Medicine, Addiction Medicine
nucc-207QG0300X = Family Medicine, Geriatric Medicine
nucc-207R00000X = Internal Medicine
nucc-207RA0401X = Internal Medicine, Addiction Medicine
nucc-207RG0300X = Internal Medicine, Geriatric Medicine
nucc-208D00000X = General Practice
nucc-363L00000X = Nurse Practitioner
nucc-363LF0000X = Nurse Practitioner, Family
nucc-363LP0808X = Nurse Practitioner, Psychiatric/Mental Health
nucc-363LA2200X = Nurse Practitioner, Adult Health
nucc-363LG0600X = Nurse Practitioner, Gerontology
nucc-363LP2300X = Nurse Practitioner, Primary Care
nucc-363A00000X = Physician Assistant
nucc-363AM0700X = Physician Assistant, Medical
nucc-183500000X = Pharmacist
nucc-1835P0018X = Pharmacist, Pharmacist Clinician (PhC)/ Clinical Pharmacy Specialist
nucc-1835P1300X = Pharmacist, Pharmacotherapy
nucc-1835P0200X = Pharmacist, Psychiatric
nucc-1835G0303X = Pharmacist, Geriatric
nucc-103T00000X = Psychologist
nucc-103TC0700X = Psychologist, Clinical
nucc-103TA0400X = Psychologist, Addiction (Substance Use Disorder)
nucc-101Y00000X = Counselor
nucc-101YM0800X = Counselor, Mental Health
nucc-101YA0400X = Counselor, Addiction (Substance Use Disorder)
nucc-101YP2500X = Counselor, Professional
nucc-1041C0700X = Social Worker, Clinical
nucc-106H00000X = Marriage & Family Therapist
nucc-family-2084 = Psychiatry & Neurology
nucc-family-207Q = Family Medicine
nucc-family-207R = Internal Medicine
nucc-family-363L = Nurse Practitioner
nucc-family-363A = Physician Assistant
nucc-family-1835 = Pharmacist
nucc-family-103T = Psychologist
nucc-family-101Y = Counselor
nucc-family-1041 = Social Worker

## Claiming an unclaimed listing
profile-claim-link = Is this you? Claim this listing
claim-title = Claim this listing
claim-lead = This listing was added from a public list. If you are { $name }, or speak for their practice, tell us how to reach you. An address at the practice's own website or public email gets a confirmation link at once; any other is checked by a moderator first.
claim-email = Your email
claim-npi = Your NPI (optional)
claim-npi-hint = 10 digits; it helps a moderator check the claim.
claim-message = Anything the moderators should know (optional)
claim-button = Send the claim
claim-sent-title = Claim received
claim-sent = Thank you. If the address can confirm the claim, a link has been mailed to it; it works once, within 24 hours. Otherwise a moderator will look at the claim and write to you.
claim-back-profile = Back to the profile
claim-confirm-title = Confirm your claim
claim-confirm-lead = Press the button to take over this listing. A new private link to manage it will be mailed to you.
claim-confirm-button = Claim the listing
claim-done-title = The listing is yours
claim-done = The listing is now marked as confirmed by its clinician. A private link to manage it has been mailed to you.
claim-unusable-title = This link cannot be used
claim-unknown = This link is not one we sent, or it was copied in part.
claim-used = This link was used already.
claim-expired = This link has expired. You can claim the listing again from its profile.
moderate-action-claim = Claimed a listing
moderate-action-reject-claim = Declined a claim
moderate-claims-title = Claims on unclaimed listings
moderate-claims-none = No claims are waiting.
moderate-claims-listing = Listing
moderate-claims-email = Email
moderate-claims-npi = NPI
moderate-claims-verdict = Registry
moderate-claims-message = Message
moderate-claims-received = Received
moderate-claims-approve = Accept the claim
moderate-claims-reason = Reason for declining (mailed to the claimer)
moderate-claims-reject = Decline the claim
moderate-nav-claims = Claims
moderate-notice-claim-approved = The claim was accepted and the manage link mailed.
moderate-notice-claim-rejected = The claim was declined and the reason mailed.
mail-claim-link-subject = Confirm your claim on a listing
mail-claim-link-body =
    Hello,

    Someone, most likely you, claimed the listing of { $name } in the directory. Open this page within 24 hours and press its button to confirm:

    { $link }

    This page works once. If you did not ask, you can ignore this message.
mail-claimed-subject = Your listing is yours to manage
mail-claimed-body =
    Dear { $name },

    Your claim was accepted: the listing is now marked as confirmed by you. This is your private link to manage it; keep it safe and do not share it:

    { $link }
mail-claim-rejected-subject = Your claim on a listing was declined
mail-claim-rejected-body =
    Hello,

    A moderator declined your claim on the listing of { $name }, for this reason:

    { $reason }

    You can claim it again from its profile with more details.
