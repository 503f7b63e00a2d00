#pragma once

#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

// The relay of relay-bench: a stock OpenSSH sshd on 127.0.0.1 with the relay's sshd_config
// (docs/relay.md). Each key's authorized_keys line is set by the benchmark itself, as
// relay-authorize would print it for the ports the benchmark assigns.
namespace suanli::bench {

class RelaySshd
{
public:
    RelaySshd();
    ~RelaySshd();

    /// The authorized_keys lines sshd is given for `user` (suanli-host, suanli): each line as
    /// relay-authorize prints it, "restrict,port-forwarding,permit…=… TYPE KEY". Can change
    /// while sshd runs; like the market's answer it is read at each login.
    bool setKeys(const QString &user, const QStringList &lines);

    /// Starts sshd with the config `market relay-config` prints (market: the suanli-market
    /// binary), its AuthorizedKeysCommand pointed at this benchmark's answers; with an empty or
    /// failing market, a hand-written config with the same options (configSource() says which).
    bool start(const QString &market, QString *error);
    void stop();

    quint16 port() const { return m_port; }
    QString hostKeyLine() const { return m_hostKeyLine; }
    QString configSource() const { return m_configSource; }
    QString config() const { return m_config; }
    QString dir() const { return m_dir; }
    QString log() const;
    /// The listening sshd and every process below it (one pair per connection).
    QList<qint64> pids() const;

    /// Makes the relay's unix users when missing (system users, no home, no shell).
    static bool ensureUsers(QString *error);

private:
    QString handWrittenConfig() const;
    QString m_dir; ///< under /run: sshd insists the AuthorizedKeysCommand path is root's only
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_hostKeyLine;
    QString m_configSource;
    QString m_config;
};

/// Every descendant of pid (from /proc), pid itself first.
QList<qint64> processTree(qint64 pid);

} // namespace suanli::bench
