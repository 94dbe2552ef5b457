//! The real binary, killed and stopped: nothing it acknowledged is lost, and
//! SIGTERM lets requests already in flight finish.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::rc::Rc;
use std::time::Duration;

use benzowise::app::manage::EditReceived;
use benzowise::db::schema::{outbox, submissions};
use benzowise::web::api::submissions::SubmissionCreated;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rand::Rng;
use serde_json::Value;

use crate::helpers::{fresh_database, ListingBuilder};
use crate::mail_server::MailServer;
use crate::server::Server;

/// What the server acknowledged with a 2xx: a submission id and the unique texts it carried.
#[derive(Default)]
struct Acknowledged {
    new_listings: Vec<(i64, String)>,
    edits: Vec<(i64, String, String)>,
}

/// Submits new listings and edits them until the server stops answering.
async fn keep_writing(server_url: String, worker: String, acknowledged: Rc<RefCell<Acknowledged>>) {
    let client = awc::Client::builder().timeout(Duration::from_secs(10)).finish();
    for number in 0.. {
        let name = format!("Durable {worker}-{number}");
        // Each its own address: an address gets only a few receipts a day.
        let listing = ListingBuilder::new().named(&name).contact(&format!("{worker}-{number}@example.org")).build();
        let Ok(mut response) = client.post(format!("{server_url}/api/v1/submissions")).send_json(&listing).await else {
            return;
        };
        // Read untyped first: a body cut short by the kill ends the worker, any other fails the test.
        let Ok(body) = response.json::<Value>().await else { return };
        assert_eq!(response.status().as_u16(), 201, "{body}");
        let created: SubmissionCreated = serde_json::from_value(body).unwrap();
        acknowledged.borrow_mut().new_listings.push((created.submission_id, name.clone()));

        let statement = format!("Edited {worker}-{number}");
        let edit = ListingBuilder::new()
            .named(&name)
            .contact(&format!("{worker}-{number}@example.org"))
            .stating(&statement)
            .build();
        let request = client.put(format!("{server_url}/api/v1/manage")).bearer_auth(&created.manage_token);
        let Ok(mut response) = request.send_json(&edit).await else { return };
        let Ok(body) = response.json::<Value>().await else { return };
        assert_eq!(response.status().as_u16(), 202, "{body}");
        let received: EditReceived = serde_json::from_value(body).unwrap();
        acknowledged.borrow_mut().edits.push((received.submission_id, name, statement));
    }
}

#[actix_rt::test]
async fn nothing_acknowledged_is_lost_when_the_server_is_killed() {
    let (database, _dir) = fresh_database();
    let acknowledged = Rc::new(RefCell::new(Acknowledged::default()));
    for round in 0..10 {
        let server = Server::start(&database);
        let workers: Vec<_> = (0..6)
            .map(|w| actix_rt::spawn(keep_writing(server.url(""), format!("r{round}w{w}"), acknowledged.clone())))
            .collect();
        let moment = rand::rng().random_range(150..700);
        actix_rt::time::sleep(Duration::from_millis(moment)).await;
        drop(server); // SIGKILL, mid-write
        for worker in workers {
            worker.await.expect("the worker ends when the server is gone");
        }
    }

    // Restarting runs start-up (migrations, index load) over whatever the kills left.
    let server = Server::start(&database);
    assert_eq!(awc::Client::new().get(server.url("/readyz")).send().await.unwrap().status().as_u16(), 200);
    let stored: Vec<(i64, String)> = submissions::table
        .select((submissions::id, submissions::content))
        .load(&mut database.connect().unwrap())
        .unwrap();
    // Every stored version, by the (name, statement) pair that makes it unique here.
    let mut versions: HashMap<(String, String), Vec<i64>> = HashMap::new();
    for (id, content) in stored {
        let content: Value = serde_json::from_str(&content).unwrap();
        let text = |name: &str| content[name].as_str().unwrap_or_default().to_string();
        versions.entry((text("full_name"), text("statement"))).or_default().push(id);
    }
    let acknowledged = acknowledged.borrow();
    assert!(acknowledged.new_listings.len() >= 10, "the rounds wrote too little to test anything");
    for (id, name) in &acknowledged.new_listings {
        let copies = versions.get(&(name.clone(), "I taper slowly.".to_string()));
        // An edit that committed (acknowledged or cut off by the kill) replaced the version still waiting.
        let replaced = versions.keys().any(|(edited, statement)| edited == name && statement.starts_with("Edited "));
        assert_eq!(copies, (!replaced).then(|| vec![*id]).as_ref(), "new listing {name}");
    }
    for (id, name, statement) in &acknowledged.edits {
        let copies = versions.get(&(name.clone(), statement.clone()));
        assert_eq!(copies, Some(&vec![*id]), "edit {statement}");
    }
    eprintln!(
        "{} acknowledged submissions and {} edits survived 10 kills",
        acknowledged.new_listings.len(),
        acknowledged.edits.len()
    );
}

#[actix_rt::test]
async fn every_committed_mail_arrives_after_kills_and_a_repeat_keeps_its_message_id() {
    let Some(mail_server) = MailServer::start() else { return };
    let (database, _dir) = fresh_database();
    let settings = [("SMTP_URL", mail_server.url()), ("MAIL_POLL_MS", "20".to_string())];
    let acknowledged = Rc::new(RefCell::new(Acknowledged::default()));
    let kills = 8;
    for round in 0..kills {
        let server = Server::start_with(&database, &settings);
        let workers: Vec<_> = (0..4)
            .map(|w| actix_rt::spawn(keep_writing(server.url(""), format!("m{round}w{w}"), acknowledged.clone())))
            .collect();
        actix_rt::time::sleep(Duration::from_millis(rand::rng().random_range(150..600))).await;
        drop(server); // SIGKILL: between commit and delivery, or in the middle of one
        for worker in workers {
            worker.await.expect("the worker ends when the server is gone");
        }
    }
    // A message claimed by a killed process waits out its two-minute claim; move time past it.
    database
        .connect()
        .unwrap()
        .batch_execute("UPDATE outbox SET next_attempt_at = created_at WHERE status = 'sending'")
        .unwrap();
    let _server = Server::start_with(&database, &settings);

    let committed: Vec<String> =
        outbox::table.select(outbox::message_id).load(&mut database.connect().unwrap()).unwrap();
    assert!(committed.len() >= acknowledged.borrow().new_listings.len(), "a receipt for every acknowledged submission");
    mail_server.wait_for(committed.len()).await;
    actix_rt::time::sleep(Duration::from_millis(500)).await;
    let received = mail_server.received().into_iter().map(|mail| mail.message_id).collect::<Vec<_>>();
    let unsent: i64 =
        outbox::table.filter(outbox::status.ne("sent")).count().get_result(&mut database.connect().unwrap()).unwrap();
    assert_eq!(unsent, 0, "every committed message is marked sent");
    let mut copies: HashMap<&str, usize> = HashMap::new();
    for id in &received {
        *copies.entry(id.as_str()).or_default() += 1;
    }
    for id in &committed {
        assert!(copies.contains_key(id.as_str()), "message {id} was delivered");
    }
    assert_eq!(copies.len(), committed.len(), "nothing was delivered that was not committed");
    let repeats = received.len() - committed.len();
    assert!(repeats <= kills, "at most one repeat per kill, each with its own Message-ID: {repeats}");
    eprintln!(
        "{} messages committed over {kills} kills; {} delivered, {repeats} of them twice",
        committed.len(),
        received.len()
    );
}

#[actix_rt::test]
async fn sigterm_lets_a_request_in_flight_finish_before_exit() {
    let (database, _dir) = fresh_database();
    let mut server = Server::start(&database);
    let body = serde_json::to_vec(&ListingBuilder::new().named("Dr. In Flight").build()).unwrap();
    let head = format!(
        "POST /api/v1/submissions HTTP/1.1\r\nHost: benzowise.test\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&body[..body.len() / 2]).unwrap();
    std::thread::sleep(Duration::from_millis(300));

    server.signal("TERM");
    std::thread::sleep(Duration::from_millis(500));
    stream.write_all(&body[body.len() / 2..]).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();

    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    let exit = server.process.wait().unwrap();
    assert!(exit.success(), "a clean exit after draining: {exit}");
    let stored: i64 = submissions::table.count().get_result(&mut database.connect().unwrap()).unwrap();
    assert_eq!(stored, 1);
}
