//! The bytes of station messages that all sessions hold at once (CALLs waiting in a queue or
//! being handled), counted against one bound (`--stations-queue-bytes`): a session takes a
//! CALL's bytes before it holds the CALL, and a CALL that cannot get them is answered at once
//! instead, so what stations send never adds up to more than the bound.

use std::sync::{
    Arc,
    atomic::{AtomicUsize, Ordering},
};

/// A bound on bytes held, shared by every session of this node.
#[derive(Debug)]
pub struct Budget {
    limit: usize,
    held: AtomicUsize,
    peak: AtomicUsize,
}

impl Budget {
    pub fn new(limit: usize) -> Arc<Self> {
        Arc::new(Self {
            limit,
            held: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        })
    }

    /// The bound.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Bytes held now.
    pub fn held(&self) -> usize {
        self.held.load(Ordering::Relaxed)
    }

    /// The most bytes ever held at once.
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::Relaxed)
    }

    /// Takes `bytes` if they fit under the bound; they are given back when the guard drops.
    pub fn take(self: &Arc<Self>, bytes: usize) -> Option<Held> {
        self.reserve(bytes).then(|| Held {
            budget: self.clone(),
            bytes,
        })
    }

    /// Adds `bytes` to what is held if they fit under the bound. (A plain counter: it orders
    /// nothing else, so relaxed operations suffice.)
    fn reserve(&self, bytes: usize) -> bool {
        let Ok(before) = self
            .held
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |held| {
                held.checked_add(bytes).filter(|after| *after <= self.limit)
            })
        else {
            return false;
        };
        self.peak.fetch_max(before + bytes, Ordering::Relaxed);
        true
    }
}

/// Bytes taken from a [`Budget`], given back on drop (also when a session ends or its task is
/// dropped at shutdown).
#[derive(Debug)]
#[must_use = "the bytes are given back as soon as the guard drops"]
pub struct Held {
    budget: Arc<Budget>,
    bytes: usize,
}

impl Held {
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Holds `bytes` in all if they fit under the bound (more than now; never less).
    pub fn grow_to(&mut self, bytes: usize) -> bool {
        let extra = bytes.saturating_sub(self.bytes);
        if extra > 0 && !self.budget.reserve(extra) {
            return false;
        }
        self.bytes += extra;
        true
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        self.budget.held.fetch_sub(self.bytes, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_taken_up_to_the_bound_and_given_back_on_drop() {
        let budget = Budget::new(100);
        let a = budget.take(60).unwrap();
        assert!(budget.take(41).is_none());
        let b = budget.take(40).unwrap();
        assert_eq!((budget.held(), budget.peak()), (100, 100));
        assert!(budget.take(1).is_none());
        drop(a);
        assert_eq!(budget.held(), 40);
        assert!(budget.take(usize::MAX).is_none());
        let mut b = b;
        assert!(!b.grow_to(101));
        assert!(b.grow_to(30));
        assert_eq!(b.bytes(), 40);
        assert!(b.grow_to(100));
        assert_eq!((b.bytes(), budget.held()), (100, 100));
        drop(b);
        assert_eq!((budget.held(), budget.peak()), (0, 100));
    }

    #[test]
    fn many_threads_never_hold_more_than_the_bound() {
        let budget = Budget::new(1000);
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let budget = budget.clone();
                std::thread::spawn(move || {
                    let mut kept = Vec::new();
                    for i in 0..10_000 {
                        if let Some(held) = budget.take(7 + i % 50) {
                            kept.push(held);
                        }
                        assert!(budget.held() <= 1000);
                        if kept.len() > 3 {
                            drop(kept.remove(0));
                        }
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        assert_eq!(budget.held(), 0);
        assert!(budget.peak() <= 1000);
    }
}
