#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace suanli::ssh::test {

/// A real OpenSSH sshd on 127.0.0.1 with its own temporary config, host key (ed25519, made by
/// our key code) and authorized_keys: one client key generated for the tests. Logs in as the
/// user running the tests.
class SshdFixture
{
public:
    SshdFixture();
    ~SshdFixture();

    /// Lines added to sshd_config (before start()), e.g. "SetEnv PATH=/nowhere\n".
    void addConfig(const QString &lines) { m_extraConfig += lines; }
    /// Starts sshd and waits until it accepts connections; false with a reason otherwise.
    bool start(QString *error);
    void stop();

    quint16 port() const { return m_port; }
    QString user() const;
    QString hostKeyLine() const { return m_hostKeyLine; }
    QString clientKeyPath() const { return m_dir.path() + QStringLiteral("/client_ed25519"); }
    QString clientPublicKeyLine() const { return m_clientPublicKeyLine; }
    QString dir() const { return m_dir.path(); }
    QString log() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_hostKeyLine;
    QString m_clientPublicKeyLine;
    QString m_extraConfig;
};

/// A port no one listens on right now (bound and released; fine for tests on loopback).
quint16 freeLoopbackPort();

} // namespace suanli::ssh::test
