#include "singleinstance.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace suanli::app {

namespace {

// A first instance that holds the lock is given this long to start listening and answer
// (a second launch at the same moment as the first waits for it).
constexpr int kRetryMs = 100;
constexpr int kAttempts = 50;
constexpr qsizetype kMaxMessage = 64 * 1024;

QByteArray message(const QStringList &arguments)
{
    return QJsonDocument(QJsonObject{{u"activate"_s, QJsonArray::fromStringList(arguments)}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

} // namespace

SingleInstance::SingleInstance(QString socketPath, QObject *parent)
    : QObject(parent)
    , m_socketPath(std::move(socketPath))
{}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close(); // removes the socket file before the lock goes
}

QString SingleInstance::defaultSocketPath()
{
    QString user;
#ifdef Q_OS_UNIX
    user = QString::number(::getuid());
#else
    user = qEnvironmentVariable("USERNAME");
#endif
    QString display = qEnvironmentVariable("WAYLAND_DISPLAY");
    if (display.isEmpty())
        display = qEnvironmentVariable("DISPLAY");
    if (display.isEmpty())
        display = u"nodisplay"_s;
    static const QRegularExpression unsafe(u"[^A-Za-z0-9._-]"_s);
    display.replace(unsafe, u"_"_s);
    const QString name = u"suanli-%1-%2.socket"_s.arg(user, display);
#ifdef Q_OS_UNIX
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QDir(runtime).exists())
        return QDir(runtime).filePath(name);
    return QDir(QDir::tempPath()).filePath(name);
#else
    return name; // a named pipe: no folder
#endif
}

void SingleInstance::start(const QStringList &arguments)
{
    m_arguments = arguments;
    m_lock = std::make_unique<QLockFile>(m_socketPath + u".lock"_s);
    // Stale only when its process is gone: a first instance runs for days.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0)) {
        becomePrimary();
        return;
    }
    m_lock.reset();
    tryForward();
}

void SingleInstance::becomePrimary()
{
    // The lock is ours, so a socket file still there was left by a crashed first instance.
    QLocalServer::removeServer(m_socketPath);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_socketPath)) {
        std::fprintf(stderr,
                     "suanli: cannot listen on %s (%s): a second launch will not find "
                     "this one\n",
                     qPrintable(m_socketPath), qPrintable(m_server->errorString()));
        delete m_server;
        m_server = nullptr;
    } else {
        connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onConnection);
    }
    QTimer::singleShot(0, this, &SingleInstance::primary);
}

void SingleInstance::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > kMaxMessage)
                    socket->abort();
                return;
            }
            const QJsonObject request = QJsonDocument::fromJson(socket->readLine()).object();
            if (!request.value(u"activate"_s).isArray()) {
                socket->abort();
                return;
            }
            QStringList arguments;
            for (const QJsonValue &argument : request.value(u"activate"_s).toArray())
                arguments.append(argument.toString());
            socket->write("ok\n");
            socket->disconnectFromServer();
            emit activationRequested(arguments);
        });
    }
}

void SingleInstance::tryForward()
{
    ++m_attempts;
    delete m_client;
    m_client = new QLocalSocket(this);
    connect(m_client, &QLocalSocket::connected, m_client,
            [socket = m_client, this] { socket->write(message(m_arguments)); });
    connect(m_client, &QLocalSocket::readyRead, this, [this] {
        if (m_client->canReadLine() && m_client->readLine() == "ok\n") {
            m_done = true;
            emit forwarded();
        }
    });
    connect(m_client, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError) {
        if (m_done || m_client->state() == QLocalSocket::ConnectedState)
            return;
        if (m_attempts >= kAttempts) {
            m_done = true;
            emit failed(
                makeError(u"single_instance"_s,
                          u"another suanli holds %1.lock but does not answer on %1: %2"_s.arg(
                              m_socketPath, m_client->errorString())));
            return;
        }
        // The first instance may still be starting (it holds the lock, not yet the
        // socket), or has just quit: try again, taking the lock if it is free now.
        QTimer::singleShot(kRetryMs, this, [this] {
            auto lock = std::make_unique<QLockFile>(m_socketPath + u".lock"_s);
            lock->setStaleLockTime(0);
            if (lock->tryLock(0)) {
                m_lock = std::move(lock);
                becomePrimary();
            } else {
                tryForward();
            }
        });
    });
    m_client->connectToServer(m_socketPath);
}

} // namespace suanli::app
