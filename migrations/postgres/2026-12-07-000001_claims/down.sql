DROP TABLE claim_links;
DROP TABLE claims;
