#pragma once

// The podman command line for end-to-end tests that run a real host agent: checking the base
// image, and removing what an agent left behind when a test fails halfway.

#include "host/journal.h"

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace suanli::testing {

/// Runs `podman args` with the agent's containers.conf from `stateDir` when it has one;
/// returns the exit code, or -1 when podman did not finish within a minute.
inline int podman(const QStringList &args, const QString &stateDir, QByteArray *out = nullptr)
{
    using namespace Qt::StringLiterals;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (QFile::exists(stateDir + u"/containers.conf"_s))
        env.insert(u"CONTAINERS_CONF"_s, stateDir + u"/containers.conf"_s);
    p.setProcessEnvironment(env);
    p.start(u"podman"_s, args);
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

/// Removes every container, volume and kept image (a recreate's, host/containerruntime.h) of
/// the agent whose journal is in `stateDir`.
inline void removeAgentLeftovers(const QString &stateDir)
{
    using namespace Qt::StringLiterals;
    auto journal = host::Journal::open(stateDir + u"/journal.db"_s);
    if (!journal)
        return;
    const QString label = u"label=suanli.agent="_s + (*journal)->agentId();
    const auto removeAll = [&](const QStringList &list, const QStringList &remove) {
        QByteArray names;
        podman(list + QStringList{u"--filter"_s, label}, stateDir, &names);
        for (const QByteArray &name : names.split('\n')) {
            if (!name.trimmed().isEmpty())
                podman(remove + QStringList{QString::fromUtf8(name.trimmed())}, stateDir);
        }
    };
    removeAll({u"ps"_s, u"-a"_s, u"--format"_s, u"{{.Names}}"_s}, {u"rm"_s, u"-f"_s});
    removeAll({u"volume"_s, u"ls"_s, u"--format"_s, u"{{.Name}}"_s},
              {u"volume"_s, u"rm"_s, u"-f"_s});
    QByteArray kept;
    podman({u"images"_s, u"--format"_s, u"{{.Repository}}:{{.Tag}}"_s, u"--filter"_s,
            u"reference=localhost/suanli-kept/suanli-%1-*"_s.arg((*journal)->agentId())},
           stateDir, &kept);
    for (const QByteArray &name : kept.split('\n')) {
        if (!name.trimmed().isEmpty())
            podman({u"image"_s, u"rm"_s, u"-f"_s, QString::fromUtf8(name.trimmed())}, stateDir);
    }
}

} // namespace suanli::testing
