// A guest sees the internet, not the lender's network (docs/host.md "Isolation"), tested in
// network namespaces of the test's own: the test process moves into a "host" namespace whose
// default route is an "internet" namespace (203.0.113.2, a documentation address, and
// 169.254.169.254 standing in for cloud metadata) and which has a "LAN" namespace beside it
// (192.168.77.2). Addresses exist only inside those namespaces; nothing leaves this machine.
// The agent (rootful Podman) runs in the host namespace; from inside real instances the
// internet answers, the LAN, the host's own ports, the metadata address and a second instance
// do not, the allow entry opens exactly its one port; root in an instance is not root on the
// host; the table is gone after the agent stops with no instance left.

#include "hosttestbed.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <fcntl.h>
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

const QString kHost = u"suanli-ti-host"_s;
const QString kLan = u"suanli-ti-lan"_s;
const QString kInet = u"suanli-ti-inet"_s;
const QString kNeighbour = u"suanli-ti-neighbour"_s;

int sh(const QString &command, QByteArray *out = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"/bin/sh"_s, {u"-c"_s, command});
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// A TCP service that greets with its name, one line per connection.
QString service(const QString &ns, const QString &address, int port, const QString &name)
{
    return u"ip netns exec %1 python3 -c \"import socketserver\n"
           "class H(socketserver.BaseRequestHandler):\n"
           "    def handle(self): self.request.sendall(b'%4\\\\n')\n"
           "socketserver.ThreadingTCPServer.allow_reuse_address=True\n"
           "socketserver.ThreadingTCPServer(('%2',%3),H).serve_forever()\""_s.arg(ns, address)
               .arg(port)
               .arg(name);
}

/// The first IPv4 name server of /etc/resolv.conf in a private range (a home router's is), which
/// the instances are given and may ask on port 53 only; empty when there is none.
QString privateResolver()
{
    QFile f(u"/etc/resolv.conf"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> w = line.simplified().split(' ');
        if (w.size() < 2 || w[0] != "nameserver")
            continue;
        QHostAddress a;
        if (!a.setAddress(QString::fromLatin1(w[1])) ||
            a.protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        for (const auto &[net, bits] :
             {std::pair{u"10.0.0.0"_s, 8}, {u"172.16.0.0"_s, 12}, {u"192.168.0.0"_s, 16}}) {
            if (a.isInSubnet(QHostAddress(net), bits) &&
                !a.isInSubnet(QHostAddress(u"192.168.77.0"_s), 24))
                return a.toString();
        }
    }
    return {};
}

} // namespace

class TestHostNetIsolation : public QObject
{
    Q_OBJECT

    int m_originalNs = -1;
    QByteArray m_rulesBefore;
    QList<QProcess *> m_services;
    std::unique_ptr<HostTestBed> m_bed;
    qint64 m_a = 0;
    QTcpServer m_hostPort;
    QString m_resolver; ///< a private name server of this machine, put in the LAN namespace

    void removeNamespaces()
    {
        for (QProcess *p : m_services) {
            p->kill();
            p->waitForFinished(5000);
            delete p;
        }
        m_services.clear();
        for (const QString &ns : {kHost, kLan, kInet})
            sh(u"ip netns del %1 2>/dev/null"_s.arg(ns));
    }
    /// The machine's own tables, and whatever of its rules names this test's network. Other
    /// tests' containers may add CNI rules meanwhile: those are not compared.
    QByteArray realRules()
    {
        QByteArray out;
        // The machine's own tables, less `inet suanli`: other tests' rootful agents may run at
        // the same time in this namespace, and that table is theirs to make and remove.
        sh(u"nsenter --net=/proc/%1/fd/%2 nft -s list tables | grep -vx 'table inet suanli' "
           "|| true"_s.arg(getpid())
               .arg(m_originalNs),
           &out);
        return out;
    }
    /// What a connection from inside instance `id` to address:port reads (empty: no answer).
    QByteArray connectFrom(qint64 id, const QString &address, int port)
    {
        QByteArray out;
        m_bed->podman({u"exec"_s, m_bed->containerName(id), u"timeout"_s, u"3"_s, u"bash"_s,
                       u"-c"_s, u"exec 3<>/dev/tcp/%1/%2 && head -n1 <&3"_s.arg(address).arg(port)},
                      &out);
        return out.trimmed();
    }
    QString neighbourIp()
    {
        QByteArray out;
        m_bed->podman({u"inspect"_s, u"--format"_s,
                       u"{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}"_s, kNeighbour},
                      &out);
        return QString::fromUtf8(out.trimmed());
    }
    qint64 hostUidOf(const QString &container)
    {
        QByteArray pid;
        m_bed->podman({u"inspect"_s, u"--format"_s, u"{{.State.Pid}}"_s, container}, &pid);
        QFile status(u"/proc/%1/status"_s.arg(QString::fromUtf8(pid.trimmed())));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("Uid:"))
                return line.simplified().split(' ').value(1).toLongLong();
        return -1;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        removeNamespaces();
        m_originalNs = ::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
        QVERIFY(m_originalNs >= 0);
        // What the machine's own namespace holds (another agent's table included, if one runs
        // here) must be exactly the same after the test: everything it makes is in its own
        // namespaces.
        m_rulesBefore = realRules();
        const QString setup =
            u"set -e\n"
            "for n in %1 %2 %3; do ip netns add $n; ip -n $n link set lo up; done\n"
            "ip link add ti-lan0 netns %1 type veth peer name eth0 netns %2\n"
            "ip link add ti-inet0 netns %1 type veth peer name eth0 netns %3\n"
            "ip -n %1 addr add 192.168.77.1/24 dev ti-lan0; ip -n %1 link set ti-lan0 up\n"
            "ip -n %1 addr add 203.0.113.1/24 dev ti-inet0; ip -n %1 link set ti-inet0 up\n"
            "ip -n %1 route add default via 203.0.113.2\n"
            "ip -n %2 addr add 192.168.77.2/24 dev eth0; ip -n %2 link set eth0 up\n"
            "ip -n %2 route add default via 192.168.77.1\n"
            "ip -n %3 addr add 203.0.113.2/24 dev eth0; ip -n %3 link set eth0 up\n"
            "ip -n %3 addr add 169.254.169.254/32 dev lo\n"
            "ip -n %3 route add default via 203.0.113.1\n"
            "ip netns exec %1 sysctl -qw net.ipv4.ip_forward=1\n"_s.arg(kHost, kLan, kInet);
        QByteArray out;
        QVERIFY2(sh(setup, &out) == 0, out.constData());
        // The machine's private name server stands in the LAN as its router would (its
        // address then exists in the LAN namespace only): DNS to it is open, nothing else.
        m_resolver = privateResolver();
        if (!m_resolver.isEmpty()) {
            QVERIFY2(sh(u"ip -n %1 addr add %3/32 dev lo && ip -n %2 route add %3/32 via "
                        "192.168.77.2"_s.arg(kLan, kHost, m_resolver),
                        &out) == 0,
                     out.constData());
            for (const auto &[port, name] : {std::pair{53, u"dns"_s}, {8082, u"router-admin"_s}}) {
                auto *p = new QProcess;
                p->start(u"/bin/sh"_s,
                         {u"-c"_s, u"exec "_s + service(kLan, m_resolver, port, name)});
                m_services.append(p);
            }
        }
        for (const auto &[ns, address, port, name] :
             {std::tuple{kInet, u"203.0.113.2"_s, 80, u"internet"_s},
              std::tuple{kInet, u"169.254.169.254"_s, 80, u"metadata"_s},
              std::tuple{kLan, u"192.168.77.2"_s, 8080, u"lan-allowed"_s},
              std::tuple{kLan, u"192.168.77.2"_s, 8081, u"lan-other"_s}}) {
            auto *p = new QProcess;
            p->start(u"/bin/sh"_s, {u"-c"_s, u"exec "_s + service(ns, address, port, name)});
            m_services.append(p);
        }
        const int fd = ::open(qPrintable(u"/run/netns/"_s + kHost), O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        QVERIFY2(::setns(fd, CLONE_NEWNET) == 0, "setns");
        ::close(fd);
        QVERIFY(m_hostPort.listen(QHostAddress::AnyIPv4, 0)); // the host's own listening port
        QVERIFY(sh(u"cat /proc/sys/net/bridge/bridge-nf-call-iptables"_s, &out) == 0);
        QCOMPARE(out.trimmed(), QByteArray("1"));

        m_bed = std::make_unique<HostTestBed>(u"[network]\nallow = 192.168.77.2:8080\n"_s);
        QVERIFY2(m_bed->ok(), qPrintable(m_bed->error()));
        QVERIFY(m_bed->startEngine());
        QVERIFY(m_bed->waitOfferListed(60000));
        QVERIFY(m_bed->engine()->isolated());
        m_a = m_bed->createInstance();
        QVERIFY(m_a > 0);
        QCOMPARE(m_bed->waitState(m_a, u"running"_s).value(u"state"_s).toString(), u"running"_s);
        // A CPU-only offer rents one instance at a time: the second one is a container made as
        // the agent makes them (network suanli, --userns=auto), with a listener of its own.
        QCOMPARE(m_bed->podman({u"run"_s, u"-d"_s, u"--name"_s, kNeighbour, u"--network"_s,
                                u"suanli"_s, u"--userns=auto:size=65536"_s,
                                QString::fromLatin1(HostTestBed::kImage), u"python3"_s, u"-c"_s,
                                u"import socketserver\n"
                                "class H(socketserver.BaseRequestHandler):\n"
                                "    def handle(self): self.request.sendall(b'neighbour\\n')\n"
                                "socketserver.TCPServer(('0.0.0.0',7000),H).serve_forever()"_s}),
                 0);
    }
    void cleanupTestCase()
    {
        if (m_bed)
            m_bed->podman({u"rm"_s, u"-f"_s, u"-t"_s, u"0"_s, kNeighbour});
        m_bed.reset();
        // The network `suanli` is left as the agent leaves it: its definition is the machine's,
        // and other agents (other tests) may have instances on it now; `network rm -f` would
        // remove those.
        if (m_originalNs >= 0) {
            ::setns(m_originalNs, CLONE_NEWNET);
        }
        removeNamespaces();
    }

    void internetAnswers()
    {
        QCOMPARE(connectFrom(m_a, u"203.0.113.2"_s, 80), QByteArray("internet"));
    }
    void lanMetadataHostAndNeighbourDoNot()
    {
        QCOMPARE(connectFrom(m_a, u"192.168.77.2"_s, 8081), QByteArray());
        QCOMPARE(connectFrom(m_a, u"169.254.169.254"_s, 80), QByteArray());
        QByteArray gateway;
        m_bed->podman({u"network"_s, u"inspect"_s, u"--format"_s,
                       u"{{range .Subnets}}{{.Gateway}}{{end}}"_s, u"suanli"_s},
                      &gateway);
        QVERIFY(!gateway.trimmed().isEmpty());
        for (const QString &own :
             {u"192.168.77.1"_s, u"203.0.113.1"_s, QString::fromUtf8(gateway.trimmed())})
            QCOMPARE(connectFrom(m_a, own, m_hostPort.serverPort()), QByteArray());
        const QString b = neighbourIp();
        QVERIFY2(!b.isEmpty(), "the neighbour has no address on the network suanli");
        QCOMPARE(connectFrom(m_a, b, 7000), QByteArray());
        QByteArray self;
        m_bed->podman({u"exec"_s, kNeighbour, u"timeout"_s, u"3"_s, u"bash"_s, u"-c"_s,
                       u"exec 3<>/dev/tcp/127.0.0.1/7000 && head -n1 <&3"_s},
                      &self);
        QCOMPARE(self.trimmed(), QByteArray("neighbour")); // it does answer, to itself
    }
    void dnsReachesTheResolverOnPort53Only()
    {
        if (m_resolver.isEmpty())
            QSKIP("/etc/resolv.conf names no private IPv4 name server");
        QCOMPARE(connectFrom(m_a, m_resolver, 53), QByteArray("dns"));
        QCOMPARE(connectFrom(m_a, m_resolver, 8082), QByteArray());
    }
    void allowOpensExactlyItsPort()
    {
        QCOMPARE(connectFrom(m_a, u"192.168.77.2"_s, 8080), QByteArray("lan-allowed"));
        QCOMPARE(connectFrom(m_a, u"192.168.77.1"_s, 8080), QByteArray()); // not another host
    }
    void sshStillReachesTheInstance()
    {
        QByteArray out;
        QCOMPARE(m_bed->ssh(m_bed->instance(m_a), u"echo hi"_s, &out), 0);
        QCOMPARE(out.trimmed(), QByteArray("hi"));
    }
    void rootIsNotRootOnTheHost()
    {
        const qint64 a = hostUidOf(m_bed->containerName(m_a)), b = hostUidOf(kNeighbour);
        QVERIFY2(a > 0 && b > 0, qPrintable(u"%1 %2"_s.arg(a).arg(b)));
        QVERIFY(a != b);
        QCOMPARE(m_bed->podman({u"exec"_s, m_bed->containerName(m_a), u"touch"_s,
                                u"/workspace/made-inside"_s}),
                 0);
        QByteArray mount;
        m_bed->podman({u"volume"_s, u"inspect"_s, u"--format"_s, u"{{.Mountpoint}}"_s,
                       m_bed->containerName(m_a)},
                      &mount);
        struct stat st
        {
        };
        QCOMPARE(::stat(qPrintable(QString::fromUtf8(mount.trimmed()) + u"/made-inside"_s), &st),
                 0);
        QCOMPARE(qint64(st.st_uid), a);
    }
    void tableGoneAfterStopWithNoInstance()
    {
        QVERIFY(sh(u"nft list table inet suanli >/dev/null"_s) == 0);
        QCOMPARE(m_bed->podman({u"rm"_s, u"-f"_s, u"-t"_s, u"0"_s, kNeighbour}), 0);
        for (qint64 id : {m_a}) {
            QVERIFY(m_bed->market()
                        .request("DELETE", u"/api/v1/instances/%1"_s.arg(id), m_bed->renterToken())
                        .status < 300);
        }
        QCOMPARE(m_bed->waitState(m_a, u"destroyed"_s).value(u"state"_s).toString(),
                 u"destroyed"_s);
        m_bed->stopEngine();
        QVERIFY(sh(u"nft list table inet suanli >/dev/null 2>&1"_s) != 0);
        // Everything happened in the test's namespaces: the machine's own rules are untouched.
        QCOMPARE(realRules(), m_rulesBefore);
    }
};

QTEST_GUILESS_MAIN(TestHostNetIsolation)
#include "tst_host_netisolation.moc"
