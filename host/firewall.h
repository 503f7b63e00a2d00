#pragma once

#include "protocol/result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace suanli::host {

/// One `[network] allow` entry: a destination an instance may reach although it lies in a
/// blocked range (docs/host.md "Isolation"). port 0: every port.
struct AllowRule
{
    QString cidr; ///< normalised, e.g. "192.168.77.2/32"
    bool ipv6 = false;
    int port = 0;
    bool operator==(const AllowRule &) const = default;
};

/// Parses "CIDR[:PORT]" ("192.168.1.10:8080", "10.0.0.0/8", "[fd00::1]:443", "fd00::/8").
Result<AllowRule> parseAllowRule(const QString &text);

/// What the table `inet suanli` is made from.
struct FirewallPolicy
{
    QString bridge;         ///< the Podman network's bridge interface (iifname of instances)
    QStringList resolvers;  ///< DNS servers the instances are given (port 53 stays open)
    QList<AllowRule> allow; ///< [network] allow
};

/// The agent's nftables table `inet suanli` (docs/host.md "Isolation"): made and replaced in
/// one `nft -f -` transaction each, verified by reading it back, removed when the agent stops
/// with no instance left. No other table or rule of the system is ever touched.
class Firewall : public QObject
{
    Q_OBJECT
public:
    static constexpr auto kTable = "suanli";
    using Done = std::function<void(const Result<void> &)>;

    explicit Firewall(QString nft = QStringLiteral("nft"), QObject *parent = nullptr);

    /// The ranges every instance is kept from (RFC 1918, CGNAT, link-local, loopback, …).
    static QStringList blockedIpv4();
    static QStringList blockedIpv6();
    /// The nft script that creates or atomically replaces the table.
    static QByteArray script(const FirewallPolicy &policy);
    /// The tag in the table's comment that says which policy it holds.
    static QString policyTag(const FirewallPolicy &policy);
    /// Name servers in a resolv.conf's text, loopback ones left out (Podman drops them too).
    static QStringList resolvers(const QByteArray &resolvConf);

    /// Applies `policy`, then reads the table back and checks it holds that policy.
    void apply(const FirewallPolicy &policy, Done done);
    /// Deletes the table (only it); blocking, for the agent's stop. Absent: nothing to do.
    Result<void> removeNow();
    /// True when the table exists (blocking `nft list table`; for self-test and tests).
    bool presentNow() const;
    bool applied() const { return m_applied; }

private:
    QString m_nft;
    bool m_applied = false;
};

} // namespace suanli::host
