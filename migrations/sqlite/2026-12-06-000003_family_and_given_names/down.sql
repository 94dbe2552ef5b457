DROP TABLE names_to_derive;
