//! Running a plan: one thread reads the input in blocks of whole lines, one worker per core
//! evaluates them, each keeping a mergeable partial result (aggregates per group, or the rows a
//! `sort`/`limit` can still need), and the partials are merged. A single pass, with memory
//! proportional to the groups and the rows kept, not to the input.

use super::aggregate::State;
use super::compile::{CExpr, DEFAULT_LIMIT, Plan, RowOp, Stats};
use super::eval::{each_row, passes};
use super::input::{Event, Extractor, Unreadable, event_from_line, stream_filter_log_events};
use super::value::{Owned, Value};
use hashbrown::{Equivalent, HashMap};
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;

const BLOCK: usize = 4 << 20;

/// Lines longer than this are counted as unreadable, whole, rather than cut into records (no
/// CloudWatch Logs event is over 1 MB).
pub const MAX_LINE: usize = BLOCK;

/// Events of a `filter-log-events` document handed to the workers at a time.
const EVENTS_PER_BATCH: usize = 4096;

/// Where log lines come from.
#[derive(Debug, Clone)]
pub enum Input {
    Path(PathBuf),
    Stdin,
    Stream(Stream),
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Stdin => "-".into(),
            Input::Stream(s) => s.name.clone(),
        }
    }
}

/// Unreadable lines named in an outcome.
pub(super) const EXAMPLES: usize = 5;

/// What a query reads: files and streams, or events in memory.
#[derive(Debug, Clone, Copy)]
pub enum Feed<'a> {
    Inputs(&'a [Input]),
    Events(&'a [OwnedEvent]),
}

/// A reader opened elsewhere (objects streamed from S3), read once.
#[derive(Clone)]
pub struct Stream {
    name: String,
    reader: std::sync::Arc<std::sync::Mutex<Option<Box<dyn Read + Send>>>>,
}

impl Stream {
    pub fn new(name: impl Into<String>, reader: impl Read + Send + 'static) -> Stream {
        Stream {
            name: name.into(),
            reader: std::sync::Arc::new(std::sync::Mutex::new(Some(Box::new(reader)))),
        }
    }
}

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Stream({})", self.name)
    }
}

/// A fetched or loaded log event.
#[derive(Debug, Clone)]
pub struct OwnedEvent {
    pub message: String,
    pub timestamp: Option<i64>,
    pub stream: Option<String>,
    pub log: Option<String>,
    pub ingestion: Option<i64>,
}

impl OwnedEvent {
    fn borrow(&self) -> Event<'_> {
        Event {
            message: &self.message,
            timestamp: self.timestamp,
            stream: self.stream.as_deref(),
            log: self.log.as_deref(),
            ingestion: self.ingestion,
        }
    }
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Owned>>,
    pub records_scanned: u64,
    pub records_matched: u64,
    pub bytes_scanned: u64,
    /// Lines that could not be read (broken JSON, nested too deep, invalid UTF-8, longer than
    /// 4 MiB), with the first few places and why.
    pub unreadable: u64,
    pub unreadable_examples: Vec<String>,
    /// What a reader should know of how the rows came about (a subquery cut short).
    pub notes: Vec<String>,
}

impl Outcome {
    /// Counts in what a subquery read, and its notes.
    pub fn absorb(&mut self, inner: Outcome) {
        self.records_scanned += inner.records_scanned;
        self.bytes_scanned += inner.bytes_scanned;
        self.unreadable += inner.unreadable;
        let room = EXAMPLES.saturating_sub(self.unreadable_examples.len());
        self.unreadable_examples
            .extend(inner.unreadable_examples.into_iter().take(room));
        self.notes.extend(inner.notes);
    }
}

#[derive(Debug)]
pub struct RunError(pub String);

/// Only records with a timestamp in `[start, end)` count, when a range is given; records
/// without a timestamp are kept.
pub type Range = Option<(i64, i64)>;

pub fn run_inputs(plan: &Plan, inputs: &[Input], range: Range) -> Result<Outcome, RunError> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let extractor = Extractor::new(plan);
    let (tx, rx) = sync_channel::<Work>(workers * 2);
    let rx = std::sync::Mutex::new(rx);
    let (done, spare) = std::sync::mpsc::channel::<Vec<u8>>();
    let mut reader = Reader::default();
    let partials = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let done = done.clone();
                let (rx, extractor) = (&rx, &extractor);
                scope.spawn(move || {
                    let mut w = Worker::new(plan, extractor, range);
                    loop {
                        let work = match rx.lock().expect("not poisoned").recv() {
                            Ok(b) => b,
                            Err(_) => break,
                        };
                        match work {
                            Work::Lines(block) => {
                                w.block(&block);
                                // The reader may have finished: then nobody wants it.
                                let _ = done.send(block.data);
                            }
                            Work::Events(batch) => w.events(&batch),
                        }
                    }
                    w
                })
            })
            .collect();
        drop(done);
        let read = reader.read_all(inputs, &tx, &spare);
        drop(tx);
        let partials: Vec<Worker> = handles
            .into_iter()
            .map(|h| h.join().expect("a worker panicked"))
            .collect();
        read.map(|()| partials)
    })?;
    let mut outcome = finish(plan, partials, reader.examples);
    outcome.bytes_scanned = reader.bytes;
    outcome.records_scanned += reader.unreadable;
    outcome.unreadable += reader.unreadable;
    Ok(outcome)
}

pub fn run_feed(plan: &Plan, feed: Feed, range: Range) -> Result<Outcome, RunError> {
    match feed {
        Feed::Inputs(inputs) => run_inputs(plan, inputs, range),
        Feed::Events(events) => Ok(run_events(plan, events, range)),
    }
}

/// Events already in memory (fetched from CloudWatch Logs).
pub fn run_events(plan: &Plan, events: &[OwnedEvent], range: Range) -> Outcome {
    let extractor = Extractor::new(plan);
    let mut outcome = finish(
        plan,
        events_partial(plan, &extractor, range, events),
        Vec::new(),
    );
    outcome.bytes_scanned = events.iter().map(|e| e.message.len() as u64).sum();
    outcome
}

/// Which events pass the plan's row-local commands, for `logs tail --filter`; an event that
/// cannot be read passes none.
pub fn matching(plan: &Plan, events: &[OwnedEvent]) -> Vec<bool> {
    let extractor = Extractor::new(plan);
    let mut row = Vec::new();
    events
        .iter()
        .map(|ev| {
            row.clear();
            row.resize(plan.record_slots, Value::Null);
            ev.message.len() <= MAX_LINE
                && extractor.fill(&ev.borrow(), &mut row).is_ok()
                && passes(&plan.steps, &mut row)
        })
        .collect()
}

fn events_partial<'p>(
    plan: &'p Plan,
    extractor: &'p Extractor,
    range: Range,
    events: &[OwnedEvent],
) -> Vec<Worker<'p>> {
    if events.is_empty() {
        return Vec::new();
    }
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(events.len());
    let chunk = events.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = events
            .chunks(chunk)
            .enumerate()
            .map(|(i, part)| {
                scope.spawn(move || {
                    let mut w = Worker::new(plan, extractor, range);
                    w.events(&Batch {
                        order: i as u64,
                        events: part.to_vec(),
                    });
                    w
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a worker panicked"))
            .collect()
    })
}

/// What the reader hands a worker: whole lines of a file, or events of a document.
enum Work {
    Lines(Block),
    Events(Batch),
}

struct Block {
    order: u64,
    log: std::sync::Arc<str>,
    /// Whole lines in `data[..len]`; the buffer goes back to the reader for the next block
    /// (zeroing and faulting in a fresh 4 MiB a block costs more than reading it).
    data: Vec<u8>,
    len: usize,
    /// Where its lines are numbered from: the worker counts the block's line breaks, so the
    /// reader does not read every byte a second time only to number lines.
    lines_from: LinesFrom,
}

impl Block {
    fn lines(&self) -> &[u8] {
        &self.data[..self.len]
    }
}

/// How to number a block's lines: the line breaks of the blocks its input sent before it (from
/// `first` to the block itself), plus the lines the reader passed over between them.
#[derive(Debug, Clone, Copy)]
struct LinesFrom {
    first: u64,
    skipped: u64,
}

/// Where an unreadable line or event is. A line's number is known once every block of its
/// input before it has been counted, so it is written out at the end.
enum Place {
    Said(String),
    Line {
        log: std::sync::Arc<str>,
        from: LinesFrom,
        /// The block the line is in (or, for a line the reader skipped, the block after it),
        /// and the line's index counted from that block's first line.
        order: u64,
        index: u64,
        why: &'static str,
    },
}

impl Place {
    /// As shown: `file:line (why)`; `breaks` is each block's count of line breaks.
    fn describe(self, breaks: &HashMap<u64, u64>) -> String {
        match self {
            Place::Said(text) => text,
            Place::Line {
                log,
                from,
                order,
                index,
                why,
            } => {
                let before: u64 = (from.first..order).filter_map(|o| breaks.get(&o)).sum();
                format!("{log}:{} ({why})", 1 + from.skipped + before + index)
            }
        }
    }
}

/// Buffers the workers are done with, for the reader to fill again.
type Spare = std::sync::mpsc::Receiver<Vec<u8>>;

/// Events in input order; `order` places them among the other work.
struct Batch {
    order: u64,
    events: Vec<OwnedEvent>,
}

/// The reading thread: what it read, and the lines it could not hand on.
#[derive(Default)]
struct Reader {
    bytes: u64,
    order: u64,
    unreadable: u64,
    examples: Vec<Place>,
}

impl Reader {
    fn unreadable(&mut self, example: Place) {
        self.unreadable += 1;
        if self.examples.len() < 5 {
            self.examples.push(example);
        }
    }

    fn send(&mut self, tx: &std::sync::mpsc::SyncSender<Work>, work: Work) -> Result<(), RunError> {
        self.order += 1;
        tx.send(work)
            .map_err(|_| RunError("the workers stopped".into()))
    }

    fn read_all(
        &mut self,
        inputs: &[Input],
        tx: &std::sync::mpsc::SyncSender<Work>,
        spare: &Spare,
    ) -> Result<(), RunError> {
        for input in inputs {
            let name = input.name();
            let raw: Box<dyn Read> = match input {
                Input::Stdin => Box::new(std::io::stdin().lock()),
                Input::Path(p) => Box::new(
                    std::fs::File::open(p)
                        .map_err(|e| RunError(format!("cannot read {}: {e}", p.display())))?,
                ),
                Input::Stream(s) => s
                    .reader
                    .lock()
                    .map_err(|_| RunError(format!("{name} could not be read")))?
                    .take()
                    .ok_or_else(|| RunError(format!("{name} was read already")))?,
            };
            let mut reader = BufReader::with_capacity(1 << 16, raw);
            let head = reader
                .fill_buf()
                .map_err(|e| RunError(format!("cannot read {name}: {e}")))?;
            let gzip = head.starts_with(&[0x1f, 0x8b]);
            let mut reader: Box<dyn BufRead> = if gzip {
                Box::new(BufReader::with_capacity(
                    1 << 16,
                    flate2::bufread::MultiGzDecoder::new(reader),
                ))
            } else {
                Box::new(reader)
            };
            if is_filter_log_events_doc(
                reader
                    .fill_buf()
                    .map_err(|e| RunError(format!("cannot read {name}: {e}")))?,
            ) {
                self.read_doc(reader, &name, tx)?;
            } else {
                self.read_lines(reader, &name, tx, spare)?;
            }
        }
        Ok(())
    }

    /// Blocks of whole lines. A line with no end within a block is longer than [`MAX_LINE`]:
    /// it is skipped to its end and counted, never cut into records.
    fn read_lines(
        &mut self,
        mut reader: Box<dyn BufRead>,
        name: &str,
        tx: &std::sync::mpsc::SyncSender<Work>,
        spare: &Spare,
    ) -> Result<(), RunError> {
        let log: std::sync::Arc<str> = name.into();
        // The start of a line the last block ended in.
        let mut carry: Vec<u8> = Vec::new();
        let first = self.order;
        let mut skipped = 0;
        let mut skipping = false;
        loop {
            let mut data = spare.try_recv().unwrap_or_default();
            let start = carry.len();
            // Zeroed only when it grows: a recycled buffer is already as long.
            if data.len() < start + BLOCK {
                data.resize(start + BLOCK, 0);
            }
            data[..start].copy_from_slice(&carry);
            carry.clear();
            let n = read_full(&mut reader, &mut data[start..start + BLOCK])
                .map_err(|e| RunError(format!("cannot read {name}: {e}")))?;
            let mut len = start + n;
            self.bytes += n as u64;
            let done = n == 0;
            if skipping {
                match memchr::memchr(b'\n', &data[..len]) {
                    Some(end) => {
                        data.copy_within(end + 1..len, 0);
                        len -= end + 1;
                        skipped += 1;
                        skipping = false;
                    }
                    None if done => break,
                    None => continue,
                }
            }
            // Keep the last partial line for the next block.
            if !done {
                match memchr::memrchr(b'\n', &data[..len]) {
                    Some(last) => {
                        carry.extend_from_slice(&data[last + 1..len]);
                        len = last + 1;
                    }
                    None if len >= MAX_LINE => {
                        self.unreadable(Place::Line {
                            log: log.clone(),
                            from: LinesFrom { first, skipped },
                            order: self.order,
                            index: 0,
                            why: "longer than 4 MiB",
                        });
                        skipping = true;
                        continue;
                    }
                    None => {
                        carry.extend_from_slice(&data[..len]);
                        continue;
                    }
                }
            }
            if len == 0 {
                if done {
                    break;
                }
                continue;
            }
            let block = Block {
                order: self.order,
                log: log.clone(),
                data,
                len,
                lines_from: LinesFrom { first, skipped },
            };
            self.send(tx, Work::Lines(block))?;
            if done {
                break;
            }
        }
        Ok(())
    }

    /// An `aws logs filter-log-events` document, streamed in batches of events.
    fn read_doc(
        &mut self,
        reader: Box<dyn BufRead>,
        name: &str,
        tx: &std::sync::mpsc::SyncSender<Work>,
    ) -> Result<(), RunError> {
        let counted = Counted {
            inner: reader,
            bytes: &mut self.bytes,
        };
        let mut batch = Vec::with_capacity(EVENTS_PER_BATCH);
        let mut sent = Ok(());
        let mut order = self.order;
        let streamed = stream_filter_log_events(counted, MAX_LINE, &mut |e| {
            batch.push(OwnedEvent {
                message: e.message,
                timestamp: e.timestamp,
                stream: e.log_stream_name,
                log: Some(name.to_string()),
                ingestion: e.ingestion_time,
            });
            if batch.len() == EVENTS_PER_BATCH && sent.is_ok() {
                let events = std::mem::replace(&mut batch, Vec::with_capacity(EVENTS_PER_BATCH));
                sent = tx.send(Work::Events(Batch { order, events }));
                order += 1;
            }
        });
        self.order = order;
        sent.map_err(|_| RunError("the workers stopped".into()))?;
        streamed.map_err(|e| {
            RunError(format!(
                "{name} looks like `aws logs filter-log-events` output but cannot be read: {e}"
            ))
        })?;
        if !batch.is_empty() {
            let order = self.order;
            self.send(
                tx,
                Work::Events(Batch {
                    order,
                    events: batch,
                }),
            )?;
        }
        Ok(())
    }
}

/// Counts the bytes read through it.
struct Counted<'b, R> {
    inner: R,
    bytes: &'b mut u64,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        *self.bytes += n as u64;
        Ok(n)
    }
}

fn read_full(r: &mut dyn BufRead, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// `aws logs filter-log-events` prints one pretty JSON document, not one event per line.
fn is_filter_log_events_doc(data: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&data[..data.len().min(4096)]);
    let trimmed = text.trim_start();
    let first_line = trimmed.lines().next().unwrap_or("").trim();
    trimmed.starts_with('{')
        && (first_line == "{"
            || first_line.starts_with("{\"events\"")
            || first_line.starts_with("{ \"events\""))
        && trimmed.contains("\"events\"")
}

/// Group keys borrowed from a record, looked up without allocating.
struct KeyRef<'k, 'a>(&'k [Value<'a>]);

impl Hash for KeyRef<'_, '_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl Equivalent<Vec<Owned>> for KeyRef<'_, '_> {
    fn equivalent(&self, key: &Vec<Owned>) -> bool {
        self.0.len() == key.len() && self.0.iter().zip(key).all(|(a, b)| a == b)
    }
}

/// How many rows a query without stats can still need, so workers keep no more.
enum Keep {
    First(usize),
    Top(Vec<(CExpr, bool)>, usize),
    All,
}

fn keep(plan: &Plan) -> Keep {
    match plan.ops.as_slice() {
        [] => Keep::First(DEFAULT_LIMIT),
        [RowOp::Limit(n), ..] => Keep::First(*n),
        [RowOp::Sort(keys)] => Keep::Top(keys.clone(), DEFAULT_LIMIT),
        [RowOp::Sort(keys), RowOp::Limit(n), ..] => Keep::Top(keys.clone(), *n),
        // Totals of the rows returned: the first ones, as without it.
        [RowOp::AddTotals { .. }] => Keep::First(DEFAULT_LIMIT),
        _ => Keep::All,
    }
}

struct Worker<'p> {
    plan: &'p Plan,
    extractor: &'p Extractor,
    range: Range,
    finders: Vec<memchr::memmem::Finder<'p>>,
    groups: HashMap<Vec<Owned>, Vec<State>>,
    rows: Vec<(u64, Vec<Owned>)>,
    timestamp: Option<usize>,
    keep: Keep,
    scanned: u64,
    matched: u64,
    unreadable: u64,
    examples: Vec<Place>,
    /// Each block's order and how many line breaks it holds, to number lines at the end.
    breaks: Vec<(u64, u64)>,
}

impl<'p> Worker<'p> {
    fn new(plan: &'p Plan, extractor: &'p Extractor, range: Range) -> Worker<'p> {
        Worker {
            plan,
            extractor,
            range,
            finders: plan
                .prefilter
                .iter()
                .map(|s| memchr::memmem::Finder::new(s.as_bytes()))
                .collect(),
            groups: HashMap::new(),
            rows: Vec::new(),
            timestamp: plan
                .sources
                .iter()
                .position(|s| *s == super::compile::Source::Timestamp),
            keep: keep(plan),
            scanned: 0,
            matched: 0,
            unreadable: 0,
            examples: Vec::new(),
            breaks: Vec::new(),
        }
    }

    fn block(&mut self, block: &Block) {
        let data = block.lines();
        // Buffers reused for every line of the block.
        let (mut row, mut keys) = (Vec::new(), Vec::new());
        let finders = std::mem::take(&mut self.finders);
        let mut breaks = 0;
        match finders.first() {
            None => {
                let mut start = 0;
                for end in memchr::memchr_iter(b'\n', data).chain(std::iter::once(data.len())) {
                    if start < end {
                        self.line(block, start, end, &mut row, &mut keys);
                    }
                    start = end + 1;
                    breaks += u64::from(end < data.len());
                }
            }
            // A filter needs this text: find it in the whole block at memory speed and visit
            // only the lines it is in; the others count as scanned, not matched. `at` is
            // always the start of a line.
            Some(anchor) => {
                let before = self.scanned;
                let mut at = 0;
                while at < data.len()
                    && let Some(hit) = anchor.find(&data[at..])
                {
                    let hit = at + hit;
                    let start = memchr::memrchr(b'\n', &data[at..hit]).map_or(at, |i| at + i + 1);
                    breaks += memchr::memchr_iter(b'\n', &data[at..start]).count() as u64;
                    let end = memchr::memchr(b'\n', &data[hit..]).map_or(data.len(), |i| hit + i);
                    let line = &data[start..end];
                    if finders[1..].iter().all(|f| f.find(line).is_some()) {
                        self.line(block, start, end, &mut row, &mut keys);
                    }
                    breaks += u64::from(end < data.len());
                    at = end + 1;
                }
                if at < data.len() {
                    breaks += memchr::memchr_iter(b'\n', &data[at..]).count() as u64;
                }
                let lines = breaks + u64::from(!data.ends_with(b"\n"));
                let visited = self.scanned - before;
                self.scanned += lines.saturating_sub(visited);
            }
        }
        self.breaks.push((block.order, breaks));
        self.finders = finders;
    }

    /// One line of a block, at byte offsets `start..end`.
    fn line<'b>(
        &mut self,
        block: &'b Block,
        start: usize,
        end: usize,
        row: &mut Vec<Value<'b>>,
        keys: &mut Vec<Value<'b>>,
    ) {
        let raw = &block.lines()[start..end];
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.is_empty() {
            return;
        }
        // Line numbers are needed only for the rare unreadable line.
        let at = |why: &'static str| Place::Line {
            log: block.log.clone(),
            from: block.lines_from,
            order: block.order,
            index: memchr::memchr_iter(b'\n', &block.lines()[..start]).count() as u64,
            why,
        };
        let Ok(line) = simdutf8::basic::from_utf8(raw) else {
            self.unreadable(|| at("not UTF-8"));
            return;
        };
        if raw.len() > MAX_LINE {
            self.unreadable(|| at("longer than 4 MiB"));
            return;
        }
        let ev = event_from_line(line, Some(&block.log));
        if let Err(why) = self.record(ev, (block.order << 32) | start as u64, row, keys) {
            self.unreadable(|| at(why.describe()));
        }
    }

    /// A batch of events, each as one record.
    fn events(&mut self, batch: &Batch) {
        let (mut row, mut keys) = (Vec::new(), Vec::new());
        for (i, ev) in batch.events.iter().enumerate() {
            let order = (batch.order << 32) | i as u64;
            let why = if ev.message.len() > MAX_LINE {
                Err("longer than 4 MiB")
            } else {
                self.record(ev.borrow(), order, &mut row, &mut keys)
                    .map_err(Unreadable::describe)
            };
            if let Err(why) = why {
                let log = ev.log.as_deref().unwrap_or("fetched events");
                let at = ev.timestamp.map(super::value::format_time);
                self.unreadable(|| {
                    Place::Said(format!("{log} event at {} ({why})", at.unwrap_or_default()))
                });
            }
        }
    }

    /// A line or event that gave no record; `example` says where and why (made only for the
    /// first few).
    fn unreadable(&mut self, example: impl FnOnce() -> Place) {
        self.scanned += 1;
        self.unreadable += 1;
        if self.examples.len() < 5 {
            self.examples.push(example());
        }
    }

    /// Evaluates one event, or says why it could not be read.
    fn record<'a>(
        &mut self,
        ev: Event<'a>,
        order: u64,
        row: &mut Vec<Value<'a>>,
        keys: &mut Vec<Value<'a>>,
    ) -> Result<(), Unreadable> {
        row.clear();
        row.resize(self.plan.record_slots, Value::Null);
        self.extractor.fill(&ev, row)?;
        self.scanned += 1;
        if let (Some((start, end)), Some(slot)) = (self.range, self.timestamp)
            && let Some(Value::Time(t)) = row.get(slot)
            && (*t < start || *t >= end)
        {
            return Ok(());
        }
        let plan = self.plan;
        each_row(&plan.steps, row, &mut |row| self.accept(row, order, keys));
        Ok(())
    }

    /// A record that passed the row-local commands: into its group, or kept as a row.
    fn accept<'a>(&mut self, row: &[Value<'a>], order: u64, keys: &mut Vec<Value<'a>>) {
        self.matched += 1;
        match &self.plan.stats {
            Some(stats) => {
                keys.clear();
                keys.extend(stats.by.iter().map(|e| e.eval(row)));
                let ts = match row.get(stats.timestamp) {
                    Some(Value::Time(t)) => Some(*t),
                    _ => None,
                };
                let states = match self.groups.get_mut(&KeyRef(keys)) {
                    Some(s) => s,
                    None => {
                        let owned: Vec<Owned> = keys.iter().map(Value::to_owned_value).collect();
                        self.groups.entry(owned).or_insert_with(|| {
                            stats.aggs.iter().map(|a| State::new(a.agg)).collect()
                        })
                    }
                };
                for (state, spec) in states.iter_mut().zip(&stats.aggs) {
                    state.add(spec.arg.as_ref().map(|e| e.eval(row)), ts);
                }
            }
            None => {
                let owned: Vec<Owned> = row.iter().map(Value::to_owned_value).collect();
                self.rows.push((order, owned));
                self.trim();
            }
        }
    }

    /// Keeps no more rows than the query can still need.
    fn trim(&mut self) {
        match &self.keep {
            Keep::First(n) if self.rows.len() >= 2 * n.max(&64) => {
                self.rows.sort_by_key(|(o, _)| *o);
                self.rows.truncate(*n);
            }
            Keep::Top(keys, n) if self.rows.len() >= 2 * n.max(&64) => {
                sort_rows(&mut self.rows, keys);
                self.rows.truncate(*n);
            }
            _ => {}
        }
    }
}

/// `addtotals`: each row's numbers among `sum` added into `into` (missing when it has none), and
/// with `col` a last row holding each column's total. Numbers and numeric text count; truth
/// values and times are not amounts. Rows are `width` slots.
fn add_totals(
    table: &mut Vec<Vec<Owned>>,
    width: usize,
    sum: &[usize],
    into: Option<usize>,
    col: bool,
) {
    let amount = |v: &Owned| match v {
        Value::Num(_) | Value::Str(_) => v.as_num(),
        _ => None,
    };
    let total = |values: &mut dyn Iterator<Item = f64>| {
        values
            .fold(None, |t: Option<f64>, n| Some(t.unwrap_or(0.0) + n))
            // A sum past f64's range has no real answer: null, as elsewhere.
            .filter(|t| t.is_finite())
            .map_or(Value::Null, Value::Num)
    };
    if let Some(into) = into {
        for r in table.iter_mut() {
            r.resize(width.max(r.len()), Value::Null);
            r[into] = total(&mut sum.iter().filter_map(|s| amount(&r[*s])));
        }
    }
    if col {
        let mut last: Vec<Owned> = vec![Value::Null; width];
        for s in sum
            .iter()
            .chain(&into)
            .copied()
            .collect::<std::collections::BTreeSet<_>>()
        {
            last[s] = total(&mut table.iter().filter_map(|r| r.get(s).and_then(amount)));
        }
        table.push(last);
    }
}

fn sort_rows(rows: &mut [(u64, Vec<Owned>)], keys: &[(CExpr, bool)]) {
    rows.sort_by(|(oa, a), (ob, b)| {
        for (e, desc) in keys {
            let (x, y) = (e.eval(a), e.eval(b));
            // Missing values go last whichever the direction.
            let ord = match (x.is_null(), y.is_null()) {
                (true, true) => Ordering::Equal,
                (true, false) => return Ordering::Greater,
                (false, true) => return Ordering::Less,
                _ => x.sort_cmp(&y),
            };
            let ord = if *desc { ord.reverse() } else { ord };
            if ord != Ordering::Equal {
                return ord;
            }
        }
        oa.cmp(ob)
    });
}

/// One row a group, in key order (unless the query sorts them later), each key and aggregate
/// in its slot of rows `width` wide.
fn grouped_rows(
    groups: HashMap<Vec<Owned>, Vec<State>>,
    stats: &Stats,
    width: usize,
) -> Vec<Vec<Owned>> {
    let mut grouped: Vec<(Vec<Owned>, Vec<State>)> = groups.into_iter().collect();
    grouped.sort_by(|(a, _), (b, _)| {
        a.iter()
            .zip(b)
            .map(|(x, y)| x.sort_cmp(y))
            .find(|o| *o != Ordering::Equal)
            .unwrap_or(Ordering::Equal)
    });
    grouped
        .into_iter()
        .map(|(key, states)| {
            let mut row = vec![Value::Null; width];
            let values = key.into_iter().chain(states.into_iter().map(State::finish));
            for (slot, v) in stats.slots.iter().zip(values) {
                row[*slot] = v;
            }
            row
        })
        .collect()
}

/// `places`: where the reader found lines it could not hand on.
fn finish(plan: &Plan, partials: Vec<Worker<'_>>, mut places: Vec<Place>) -> Outcome {
    let mut outcome = Outcome {
        columns: plan.output.iter().map(|(n, _)| n.clone()).collect(),
        ..Outcome::default()
    };
    let mut groups: HashMap<Vec<Owned>, Vec<State>> = HashMap::new();
    let mut rows: Vec<(u64, Vec<Owned>)> = Vec::new();
    let mut breaks = HashMap::new();
    let mut examples = Vec::new();
    for w in partials {
        outcome.records_scanned += w.scanned;
        outcome.records_matched += w.matched;
        outcome.unreadable += w.unreadable;
        examples.extend(w.examples);
        breaks.extend(w.breaks);
        for (k, states) in w.groups {
            match groups.get_mut(&k) {
                Some(mine) => mine.iter_mut().zip(states).for_each(|(a, b)| a.merge(b)),
                None => {
                    groups.insert(k, states);
                }
            }
        }
        rows.extend(w.rows);
    }
    examples.append(&mut places);
    outcome.unreadable_examples = examples
        .into_iter()
        .take(EXAMPLES)
        .map(|p| p.describe(&breaks))
        .collect();
    let mut table: Vec<Vec<Owned>> = if let Some(stats) = &plan.stats {
        grouped_rows(groups, stats, plan.rows_slots)
    } else {
        match keep(plan) {
            Keep::Top(keys, _) => sort_rows(&mut rows, &keys),
            _ => rows.sort_by_key(|(o, _)| *o),
        }
        rows.into_iter().map(|(_, r)| r).collect()
    };
    let mut limited = false;
    for op in &plan.ops {
        match op {
            RowOp::Steps(steps) => {
                let mut out = Vec::with_capacity(table.len());
                for mut r in table {
                    each_row(steps, &mut r, &mut |r| out.push(r.to_vec()));
                }
                table = out;
            }
            RowOp::Stats(stats) => {
                let mut groups: HashMap<Vec<Owned>, Vec<State>> = HashMap::new();
                for r in &table {
                    let key: Vec<Owned> = stats.by.iter().map(|e| e.eval(r)).collect();
                    let states = groups
                        .entry(key)
                        .or_insert_with(|| stats.aggs.iter().map(|a| State::new(a.agg)).collect());
                    for (state, spec) in states.iter_mut().zip(&stats.aggs) {
                        state.add(spec.arg.as_ref().map(|e| e.eval(r)), None);
                    }
                }
                table = grouped_rows(groups, stats, plan.rows_slots);
            }
            RowOp::Sort(keys) => {
                let mut keyed: Vec<(u64, Vec<Owned>)> = table
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| (i as u64, r))
                    .collect();
                sort_rows(&mut keyed, keys);
                table = keyed.into_iter().map(|(_, r)| r).collect();
            }
            RowOp::Share { count, into } => {
                let total: f64 = table.iter().filter_map(|r| r[*count].as_num()).sum();
                for r in &mut table {
                    r[*into] = match r[*count].as_num() {
                        Some(n) if total > 0.0 => Value::Num(n / total),
                        _ => Value::Null,
                    };
                }
            }
            RowOp::AddTotals { sum, into, col } => {
                // The summary row totals the rows returned, and is one of them: without a
                // `limit`, one row fewer of records leaves it room.
                if *col && !limited {
                    table.truncate(DEFAULT_LIMIT - 1);
                }
                add_totals(&mut table, plan.rows_slots, sum, *into, *col);
            }
            RowOp::Limit(n) => {
                table.truncate(*n);
                limited = true;
            }
            RowOp::Dedup(slots) => {
                let mut seen = std::collections::HashSet::new();
                table.retain(|r| {
                    seen.insert(
                        slots
                            .iter()
                            .map(|s| r.get(*s).cloned().unwrap_or(Value::Null))
                            .collect::<Vec<_>>(),
                    )
                });
            }
        }
    }
    if !limited {
        table.truncate(DEFAULT_LIMIT);
    }
    outcome.rows = table
        .into_iter()
        .map(|r| {
            plan.output
                .iter()
                .map(|(_, s)| r.get(*s).cloned().unwrap_or(Value::Null))
                .collect()
        })
        .collect();
    outcome
}
