//! A faithful in-process 123pan Open API server, written from the API documents.
