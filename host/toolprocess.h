#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace suanli::host {

/// Runs a program that is not podman (mkfs.ext4, du, nft) without blocking: `input` goes to its
/// standard input, then the channel is closed; `done` gets its exit status (-1: could not run
/// or crashed) and its merged output, once, on `context`'s thread.
void runTool(QObject *context, const QString &program, const QStringList &args,
             std::function<void(int, const QByteArray &)> done, const QByteArray &input = {});

} // namespace suanli::host
