#include "firewall.h"

#include "toolprocess.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>

#include <memory>

using namespace Qt::StringLiterals;

namespace suanli::host {

namespace {

constexpr int kNftTimeoutMs = 10'000;

QString quoted(const QString &s)
{
    return u'"' + s + u'"';
}

QString rangeList(const QStringList &ranges)
{
    return u"{ "_s + ranges.join(u", "_s) + u" }"_s;
}

/// nft with a script on its standard input (runTool, docs/host.md "Isolation").
void runNft(QObject *context, const QString &nft, const QStringList &args, const QByteArray &input,
            std::function<void(int, const QByteArray &)> done)
{
    runTool(context, nft, args, std::move(done), input);
}

} // namespace

Result<AllowRule> parseAllowRule(const QString &text)
{
    const QString t = text.trimmed();
    const auto bad = [&t](const QString &why) {
        return makeError(u"invalid_config"_s,
                         u"network/allow: '%1' is not CIDR[:PORT] (%2)"_s.arg(t, why));
    };
    QString address = t;
    QString port;
    if (t.startsWith(u'[')) { // [v6]:port or [v6/len]:port
        const qsizetype close = t.indexOf(u']');
        if (close < 0)
            return bad(u"no closing ]"_s);
        address = t.mid(1, close - 1);
        const QString rest = t.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(u':'))
                return bad(u"expected :PORT after ]"_s);
            port = rest.mid(1);
        }
    } else if (t.count(u':') == 1) { // v4[:port]
        address = t.section(u':', 0, 0);
        port = t.section(u':', 1);
    }
    AllowRule rule;
    if (!port.isEmpty()) {
        bool ok = false;
        rule.port = port.toInt(&ok);
        if (!ok || rule.port < 1 || rule.port > 65535)
            return bad(u"port must be 1 to 65535"_s);
    }
    const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(address);
    if (subnet.first.isNull() || subnet.second < 0)
        return bad(u"not an address or CIDR"_s);
    rule.ipv6 = subnet.first.protocol() == QAbstractSocket::IPv6Protocol;
    // nft refuses a prefix with host bits set: keep the network part.
    const int bits = subnet.second;
    QHostAddress network = subnet.first;
    if (!rule.ipv6) {
        const quint32 mask = bits == 0 ? 0 : ~quint32(0) << (32 - bits);
        network = QHostAddress(subnet.first.toIPv4Address() & mask);
    } else {
        Q_IPV6ADDR a = subnet.first.toIPv6Address();
        for (int i = 0; i < 16; ++i) {
            const int keep = std::clamp(bits - i * 8, 0, 8);
            a[i] &= quint8(keep == 0 ? 0 : 0xff << (8 - keep));
        }
        network = QHostAddress(a);
    }
    rule.cidr = u"%1/%2"_s.arg(network.toString()).arg(bits);
    return rule;
}

Firewall::Firewall(QString nft, QObject *parent)
    : QObject(parent)
    , m_nft(std::move(nft))
{}

QStringList Firewall::blockedIpv4()
{
    return {u"0.0.0.0/8"_s,      u"10.0.0.0/8"_s,     u"100.64.0.0/10"_s,
            u"127.0.0.0/8"_s,    u"169.254.0.0/16"_s, u"172.16.0.0/12"_s,
            u"192.168.0.0/16"_s, u"224.0.0.0/4"_s,    u"240.0.0.0/4"_s};
}

QStringList Firewall::blockedIpv6()
{
    return {u"::1/128"_s, u"::ffff:0:0/96"_s, u"fc00::/7"_s, u"fe80::/10"_s, u"ff00::/8"_s};
}

QStringList Firewall::resolvers(const QByteArray &resolvConf)
{
    QStringList out;
    for (const QByteArray &raw : resolvConf.split('\n')) {
        const QList<QByteArray> words = raw.simplified().split(' ');
        if (words.size() < 2 || words.first() != "nameserver")
            continue;
        const QHostAddress a(QString::fromLatin1(words.at(1)));
        if (!a.isNull() && !a.isLoopback() && !out.contains(a.toString()))
            out.append(a.toString());
    }
    return out;
}

QString Firewall::policyTag(const FirewallPolicy &p)
{
    QByteArray text = p.bridge.toUtf8() + '|' + p.resolvers.join(u',').toUtf8();
    for (const AllowRule &r : p.allow)
        text += '|' + r.cidr.toUtf8() + ':' + QByteArray::number(r.port);
    return QString::fromLatin1(
        QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().left(16));
}

QByteArray Firewall::script(const FirewallPolicy &p)
{
    const QString in = u"iifname "_s + quoted(p.bridge);
    QStringList dns4, dns6;
    for (const QString &r : p.resolvers)
        (QHostAddress(r).protocol() == QAbstractSocket::IPv6Protocol ? dns6 : dns4).append(r);
    // Exceptions first, then the drops; both chains see only what comes from the bridge.
    QStringList accepts = {in + u" ct state established,related accept"_s};
    if (!dns4.isEmpty())
        accepts << in + u" ip daddr "_s + rangeList(dns4) +
                       u" meta l4proto { tcp, udp } th dport 53 accept"_s;
    if (!dns6.isEmpty())
        accepts << in + u" ip6 daddr "_s + rangeList(dns6) +
                       u" meta l4proto { tcp, udp } th dport 53 accept"_s;
    for (const AllowRule &r : p.allow) {
        QString rule = in + (r.ipv6 ? u" ip6 daddr "_s : u" ip daddr "_s) + r.cidr;
        if (r.port > 0)
            rule += u" meta l4proto { tcp, udp } th dport %1"_s.arg(r.port);
        accepts << rule + u" accept"_s;
    }
    QString s;
    const QString table = u"inet "_s + QLatin1StringView(kTable);
    // Creating an empty table first makes the delete valid when none exists: the whole file is
    // one transaction, so the old rules are replaced without a moment of none.
    s += u"table %1 {}\ndelete table %1\ntable %1 {\n"_s.arg(table);
    s += u"  comment \"suanli-policy %1\"\n"_s.arg(policyTag(p));
    // input: whatever an instance sends to the host itself (its own addresses, the bridge's
    // gateway, published ports of other instances on the host's addresses before DNAT).
    s += u"  chain input {\n    type filter hook input priority -10; policy accept;\n"_s;
    for (const QString &a : accepts)
        s += u"    "_s + a + u'\n';
    s += u"    "_s + in + u" counter drop comment \"suanli: instance to host\"\n  }\n"_s;
    // forward: routed traffic, and with br_netfilter bridged traffic between instances.
    s += u"  chain forward {\n    type filter hook forward priority -10; policy accept;\n"_s;
    for (const QString &a : accepts)
        s += u"    "_s + a + u'\n';
    s += u"    "_s + in + u" ip daddr "_s + rangeList(blockedIpv4()) +
         u" counter drop comment \"suanli: private ipv4\"\n"_s;
    s += u"    "_s + in + u" ip6 daddr "_s + rangeList(blockedIpv6()) +
         u" counter drop comment \"suanli: private ipv6\"\n"_s;
    s += u"  }\n}\n"_s;
    return s.toUtf8();
}

void Firewall::apply(const FirewallPolicy &policy, Done done)
{
    if (policy.bridge.isEmpty()) {
        done(makeError(u"isolation_failed"_s, u"the instances' bridge is not known"_s));
        return;
    }
    const QString tag = policyTag(policy);
    runNft(this, m_nft, {u"-f"_s, u"-"_s}, script(policy),
           [this, tag, done](int code, const QByteArray &out) {
               if (code != 0) {
                   done(makeError(u"isolation_failed"_s,
                                  u"nft -f - failed: %1"_s.arg(QString::fromUtf8(out).trimmed())));
                   return;
               }
               runNft(this, m_nft,
                      {u"list"_s, u"table"_s, u"inet"_s, QLatin1StringView(kTable).toString()}, {},
                      [this, tag, done](int code, const QByteArray &listed) {
                          const bool holds =
                              code == 0 &&
                              listed.contains(u"suanli-policy %1"_s.arg(tag).toUtf8()) &&
                              listed.contains("chain input") && listed.contains("chain forward") &&
                              listed.count("drop") >= 3;
                          if (!holds) {
                              done(makeError(u"isolation_failed"_s,
                                             u"the table inet suanli read back is not the one "
                                             "written: %1"_s.arg(QString::fromUtf8(listed))));
                              return;
                          }
                          m_applied = true;
                          done({});
                      });
           });
}

bool Firewall::presentNow() const
{
    QProcess p;
    p.start(m_nft, {u"list"_s, u"table"_s, u"inet"_s, QLatin1StringView(kTable).toString()});
    return p.waitForFinished(kNftTimeoutMs) && p.exitStatus() == QProcess::NormalExit &&
           p.exitCode() == 0;
}

Result<void> Firewall::removeNow()
{
    QProcess p;
    p.start(m_nft, {u"-f"_s, u"-"_s});
    // One transaction again: make-if-missing then delete, so an absent table is no error.
    p.write(u"table inet %1 {}\ndelete table inet %1\n"_s.arg(QLatin1StringView(kTable)).toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(kNftTimeoutMs) || p.exitStatus() != QProcess::NormalExit ||
        p.exitCode() != 0)
        return makeError(u"isolation_failed"_s, u"cannot delete the table inet suanli: %1"_s.arg(
                                                    QString::fromUtf8(p.readAll()).trimmed()));
    m_applied = false;
    return {};
}

} // namespace suanli::host
