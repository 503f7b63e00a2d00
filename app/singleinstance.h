#pragma once

#include "protocol/result.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QLocalServer;
class QLocalSocket;
class QLockFile;

namespace suanli::app {

/// One `suanli` per user and desktop (docs/decisions.md, "Single instance"): the first
/// launch listens on a local socket; a later one hands it its arguments, the first brings up
/// its window, and the later one exits. A lock file next to the socket says who is first, so
/// a socket left by a crash is removed by the next first launch and two launches at once
/// never both listen. Nothing here blocks: the answers come back as signals.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// `socketPath`: where the first launch listens (defaultSocketPath() for the app).
    explicit SingleInstance(QString socketPath, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// `$XDG_RUNTIME_DIR/suanli-<uid>-<display>.socket`, the temporary folder when that is
    /// unset; <display> is WAYLAND_DISPLAY, else DISPLAY, else "nodisplay".
    static QString defaultSocketPath();

    /// Becomes the first instance (primary()) or hands `arguments` to it (forwarded()); when
    /// a first instance holds the lock but does not answer, failed().
    void start(const QStringList &arguments);

    QString socketPath() const { return m_socketPath; }
    bool isPrimary() const { return m_server != nullptr; }

signals:
    /// This is the first instance, listening (or, when it cannot listen, running unguarded
    /// with a warning on stderr): start the app.
    void primary();
    /// A first instance took the arguments: this one has nothing left to do.
    void forwarded();
    /// A first instance holds the lock but did not answer.
    void failed(const suanli::Error &error);
    /// (First instance) a later launch asked for the window, with its arguments.
    void activationRequested(const QStringList &arguments);

private:
    void becomePrimary();
    void tryForward();
    void onConnection();

    QString m_socketPath;
    QStringList m_arguments;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
    QLocalSocket *m_client = nullptr;
    int m_attempts = 0;
    bool m_done = false; ///< forwarded or failed: later socket errors mean nothing
};

} // namespace suanli::app
