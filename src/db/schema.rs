// Hand-kept to match both migration folders; only types both backends share.

diesel::table! {
    moderators (id) {
        id -> BigInt,
        username -> Text,
        password_hash -> Text,
        created_at -> Timestamp,
        email -> Nullable<Text>,
        role -> Text,
        disabled_at -> Nullable<Timestamp>,
        last_login_at -> Nullable<Timestamp>,
        totp_secret -> Nullable<Text>,
        totp_enabled_at -> Nullable<Timestamp>,
        totp_last_step -> Nullable<BigInt>,
    }
}

diesel::table! {
    moderator_recovery_codes (code_hash) {
        code_hash -> Text,
        moderator_id -> BigInt,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    moderator_invites (token_hash) {
        token_hash -> Text,
        username -> Text,
        email -> Text,
        role -> Text,
        invited_by -> BigInt,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    moderator_sessions (token_hash) {
        token_hash -> Text,
        moderator_id -> BigInt,
        csrf_token -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        awaiting_code -> Bool,
        second_factor -> Bool,
        pending_totp_secret -> Nullable<Text>,
        last_seen_at -> Timestamp,
    }
}

diesel::table! {
    rate_limits (key) {
        key -> Text,
        hits -> BigInt,
        window_ends_at -> Timestamp,
    }
}

diesel::table! {
    listings (id) {
        id -> BigInt,
        status -> Text,
        content -> Nullable<Text>,
        status_reason -> Nullable<Text>,
        manage_token_hash -> Text,
        is_demo -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        last_reviewed_at -> Nullable<Timestamp>,
        language -> Text,
        confirmed_at -> Nullable<Timestamp>,
        import_key -> Nullable<Text>,
        contact_email_key -> Nullable<Text>,
        claimed -> Bool,
        npi_verified_on -> Nullable<Date>,
    }
}

diesel::table! {
    directory_settings (name) {
        name -> Text,
        value -> Text,
    }
}

diesel::table! {
    listing_summaries (listing_id) {
        listing_id -> BigInt,
        summary -> Text,
    }
}

diesel::table! {
    submissions (id) {
        id -> BigInt,
        listing_id -> BigInt,
        kind -> Text,
        status -> Text,
        content -> Text,
        submitted_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<BigInt>,
        decision_note -> Nullable<Text>,
        name_key -> Text,
        city_key -> Text,
        npi -> Nullable<Text>,
        flagged -> Bool,
        email_key -> Text,
        region_code -> Nullable<Text>,
    }
}

diesel::table! {
    submission_claims (submission_id) {
        submission_id -> BigInt,
        moderator_id -> BigInt,
        claimed_at -> Timestamp,
    }
}

diesel::table! {
    rejection_reasons (id) {
        id -> BigInt,
        text_en -> Text,
        text_es -> Text,
    }
}

diesel::table! {
    reports (id) {
        id -> BigInt,
        listing_id -> BigInt,
        reason -> Text,
        details -> Nullable<Text>,
        status -> Text,
        created_at -> Timestamp,
        resolved_at -> Nullable<Timestamp>,
        resolved_by -> Nullable<BigInt>,
        resolution_note -> Nullable<Text>,
    }
}

diesel::table! {
    events (id) {
        id -> BigInt,
        occurred_at -> Timestamp,
        actor -> Text,
        moderator_id -> Nullable<BigInt>,
        action -> Text,
        listing_id -> Nullable<BigInt>,
        submission_id -> Nullable<BigInt>,
        report_id -> Nullable<BigInt>,
        reason -> Nullable<Text>,
        changes -> Text,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        message_id -> Text,
        dedupe_key -> Text,
        kind -> Text,
        listing_id -> Nullable<BigInt>,
        recipient -> Text,
        subject -> Text,
        body -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    recovery_tokens (token_hash) {
        token_hash -> Text,
        listing_id -> BigInt,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    names_to_derive (kind, id) {
        kind -> Text,
        id -> BigInt,
    }
}

diesel::table! {
    nppes_loads (id) {
        id -> BigInt,
        file_name -> Text,
        file_date -> Nullable<Date>,
        kind -> Text,
        status -> Text,
        rows_read -> BigInt,
        individuals -> BigInt,
        deactivated -> BigInt,
        started_at -> Timestamp,
        loaded_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    nppes_providers (load_id, npi) {
        load_id -> BigInt,
        npi -> Text,
        last_name -> Text,
        first_name -> Text,
        middle_name -> Text,
        credential -> Nullable<Text>,
        city -> Nullable<Text>,
        state -> Nullable<Text>,
        postal_code -> Nullable<Text>,
        phone -> Nullable<Text>,
        taxonomy_code -> Nullable<Text>,
        licence_states -> Text,
        last_update -> Nullable<Date>,
        deactivated_on -> Nullable<Date>,
        reactivated_on -> Nullable<Date>,
    }
}

diesel::table! {
    claims (id) {
        id -> BigInt,
        listing_id -> BigInt,
        email -> Text,
        npi -> Nullable<Text>,
        message -> Nullable<Text>,
        status -> Text,
        by_link -> Bool,
        created_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<BigInt>,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    claim_links (token_hash) {
        token_hash -> Text,
        claim_id -> BigInt,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(claims -> listings (listing_id));
diesel::joinable!(claim_links -> claims (claim_id));
diesel::joinable!(submissions -> listings (listing_id));
diesel::joinable!(recovery_tokens -> listings (listing_id));
diesel::joinable!(listing_summaries -> listings (listing_id));
diesel::joinable!(reports -> listings (listing_id));
diesel::joinable!(moderator_sessions -> moderators (moderator_id));
diesel::joinable!(moderator_recovery_codes -> moderators (moderator_id));
diesel::joinable!(submission_claims -> moderators (moderator_id));
diesel::joinable!(submission_claims -> submissions (submission_id));
diesel::allow_tables_to_appear_in_same_query!(
    moderators,
    moderator_sessions,
    moderator_recovery_codes,
    moderator_invites,
    listings,
    listing_summaries,
    submissions,
    submission_claims,
    rejection_reasons,
    reports,
    events,
    outbox,
    recovery_tokens,
    nppes_loads,
    nppes_providers,
    claims,
    claim_links
);
