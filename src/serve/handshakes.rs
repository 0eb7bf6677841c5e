//! The caps on connections still in their handshake (accepted, first request not read
//! completely yet): a global one that makes the accept loop wait, and one per client address
//! that closes the connections over it (not for trusted proxies: a load balancer brings every
//! station from its own address); each held by a [`HandshakeSlot`] that frees itself.

use std::{
    collections::HashMap,
    net::{IpAddr, Ipv6Addr},
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering::Relaxed},
    },
};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::config::IpBlock;

/// Connections in their handshake, in all and per client address.
pub struct Handshakes {
    slots: Arc<Semaphore>,
    /// Connections holding a slot (the accept loop may hold one more place, waiting).
    held: AtomicUsize,
    max_per_address: usize,
    per_address: Mutex<HashMap<IpAddr, usize>>,
    /// Addresses without a cap of their own (`--trusted-proxies`).
    exempt: Vec<IpBlock>,
}

/// One connection's place among those in their handshake; freed when dropped.
pub struct HandshakeSlot {
    _global: OwnedSemaphorePermit,
    /// Its address's count, unless the address is exempt.
    address: Option<IpAddr>,
    owner: Arc<Handshakes>,
}

/// A free place under the global cap, not yet tied to an address.
pub struct Vacancy(OwnedSemaphorePermit);

impl Handshakes {
    /// `max` in all, `max_per_address` from each address except the `exempt` ones.
    pub fn new(max: usize, max_per_address: usize, exempt: Vec<IpBlock>) -> Arc<Self> {
        let max = max.clamp(1, Semaphore::MAX_PERMITS);
        Arc::new(Self {
            slots: Arc::new(Semaphore::new(max)),
            held: AtomicUsize::new(0),
            max_per_address: max_per_address.max(1),
            per_address: Mutex::default(),
            exempt,
        })
    }

    /// Waits until fewer than the global cap are in their handshake.
    pub async fn vacancy(&self) -> Vacancy {
        let permit = self.slots.clone().acquire_owned().await;
        // The semaphore is never closed.
        Vacancy(permit.expect("the handshake semaphore stays open"))
    }

    /// Takes a place for a connection from `ip` with `vacancy`; `None` when its address (its
    /// /64 for IPv6) already has the most connections in their handshake.
    pub fn admit(self: &Arc<Self>, vacancy: Vacancy, ip: IpAddr) -> Option<HandshakeSlot> {
        let exempt = self.exempt.iter().any(|block| block.contains(ip));
        let address = (!exempt).then(|| address_block(ip));
        if let Some(address) = address {
            let mut per_address = self.lock();
            let count = per_address.entry(address).or_insert(0);
            if *count >= self.max_per_address {
                return None;
            }
            *count += 1;
        }
        self.held.fetch_add(1, Relaxed);
        Some(HandshakeSlot {
            _global: vacancy.0,
            address,
            owner: self.clone(),
        })
    }

    /// Connections in their handshake now.
    pub fn count(&self) -> usize {
        self.held.load(Relaxed)
    }

    /// Connections in their handshake now from `ip`'s address (its /64 for IPv6).
    pub fn count_from(&self, ip: IpAddr) -> usize {
        self.lock().get(&address_block(ip)).copied().unwrap_or(0)
    }

    /// Client addresses with a connection in their handshake (the table's size).
    pub fn addresses(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<IpAddr, usize>> {
        // Only counters inside: a panic elsewhere cannot leave them half-written.
        self.per_address
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Drop for HandshakeSlot {
    fn drop(&mut self) {
        self.owner.held.fetch_sub(1, Relaxed);
        let Some(address) = self.address else { return };
        let mut per_address = self.owner.lock();
        if let Some(count) = per_address.get_mut(&address) {
            *count -= 1;
            if *count == 0 {
                per_address.remove(&address);
            }
        }
    }
}

/// What one client address is, for the per-address cap: an IPv4 address (also when it comes
/// IPv4-mapped on a dual-stack socket) or an IPv6 /64, which one host usually holds whole.
pub fn address_block(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let prefix = u128::from(v6) & !(u128::from(u64::MAX));
                IpAddr::V6(Ipv6Addr::from(prefix))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn addresses_are_ipv4_or_ipv6_slash_64() {
        assert_eq!(address_block(ip("192.0.2.7")), ip("192.0.2.7"));
        assert_eq!(address_block(ip("::ffff:192.0.2.7")), ip("192.0.2.7"));
        assert_eq!(
            address_block(ip("2001:db8:1:2:aaaa:bbbb:cccc:dddd")),
            ip("2001:db8:1:2::")
        );
        assert_ne!(
            address_block(ip("2001:db8:1:2::1")),
            address_block(ip("2001:db8:1:3::1"))
        );
    }

    #[tokio::test]
    async fn each_address_gets_its_own_share_and_slots_free_themselves() {
        let handshakes = Handshakes::new(10, 2, Vec::new());
        let a = ip("192.0.2.1");
        let first = handshakes.admit(handshakes.vacancy().await, a).unwrap();
        let second = handshakes
            .admit(handshakes.vacancy().await, ip("::ffff:192.0.2.1"))
            .unwrap();
        assert!(handshakes.admit(handshakes.vacancy().await, a).is_none());
        // The refused one gave its global place back.
        assert_eq!(handshakes.count(), 2);
        let other = handshakes
            .admit(handshakes.vacancy().await, ip("192.0.2.2"))
            .unwrap();
        assert_eq!((handshakes.count_from(a), handshakes.addresses()), (2, 2));
        drop((first, second, other));
        assert_eq!((handshakes.count(), handshakes.addresses()), (0, 0));
        assert!(handshakes.admit(handshakes.vacancy().await, a).is_some());
    }

    #[tokio::test]
    async fn trusted_proxies_have_no_cap_of_their_own() {
        let handshakes = Handshakes::new(10, 1, vec!["10.0.0.0/8".parse().unwrap()]);
        let balancer = ip("10.1.2.3");
        let mut slots = Vec::new();
        for _ in 0..5 {
            slots.push(
                handshakes
                    .admit(handshakes.vacancy().await, balancer)
                    .unwrap(),
            );
        }
        assert_eq!(
            (handshakes.count(), handshakes.count_from(balancer)),
            (5, 0)
        );
        let client = ip("192.0.2.1");
        let one = handshakes.admit(handshakes.vacancy().await, client);
        assert!(one.is_some());
        assert!(
            handshakes
                .admit(handshakes.vacancy().await, client)
                .is_none()
        );
        drop(slots);
        assert_eq!(handshakes.count(), 1);
    }

    #[tokio::test]
    async fn at_the_global_cap_the_next_one_waits_for_a_free_place() {
        let handshakes = Handshakes::new(1, 5, Vec::new());
        let held = handshakes
            .admit(handshakes.vacancy().await, ip("192.0.2.1"))
            .unwrap();
        let waiting = tokio::spawn({
            let handshakes = handshakes.clone();
            async move { handshakes.vacancy().await }
        });
        tokio::task::yield_now().await;
        assert!(!waiting.is_finished());
        drop(held);
        let vacancy = waiting.await.unwrap();
        assert!(handshakes.admit(vacancy, ip("192.0.2.9")).is_some());
    }
}
