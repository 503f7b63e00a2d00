#include "workspacecopy.h"

#include "ssh/blockingsession.h"
#include "sync/hasher.h"
#include "sync/syncjob.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QThread>
#include <QTimer>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace suanli::host {

namespace {

constexpr int kLoginTries = 15; // × 2 s: the source's agent adds the key in the meantime

/// sha256sum over every regular file of the source's /workspace, NUL-safe on the way in; a
/// name with a newline makes sha256sum print a leading backslash, which compareManifest
/// refuses rather than guesses.
const QByteArray kManifestCommand =
    "cd /workspace && find . -type f -print0 | xargs -0 -r sha256sum --";

/// Gives every entry under `root` the owner of `root` itself. The agent writes as the host's
/// root; with a user namespace (`--userns=auto`, the volume mounted `:U`) the container's root
/// is another uid, to which the volume's root already belongs, and files of the host's root
/// would be unreadable inside. Owners inside the source are not carried over: everything
/// belongs to the instance's root, as after an upload of the app's dataset sync.
QString chownTree(const QString &root)
{
    struct stat top
    {
    };
    if (::stat(QFile::encodeName(root).constData(), &top) != 0)
        return u"cannot read the owner of %1"_s.arg(root);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QByteArray path = QFile::encodeName(it.next());
        if (::lchown(path.constData(), top.st_uid, top.st_gid) != 0)
            return u"cannot give %1 to the instance's user"_s.arg(it.filePath());
    }
    return {};
}

} // namespace

QString compareManifest(const QByteArray &manifest, const QString &localRoot, qint64 *files,
                        qint64 *bytes)
{
    QHash<QString, QByteArray> expected;
    for (const QByteArray &line : manifest.split('\n')) {
        if (line.isEmpty())
            continue;
        if (line.startsWith('\\') || line.size() < 68 || line.mid(64, 2) != "  ")
            return u"the source's manifest has a line this agent cannot read: %1"_s.arg(
                QString::fromUtf8(line.left(120)));
        QString path = QString::fromUtf8(line.mid(66));
        if (path.startsWith("./"_L1))
            path = path.mid(2);
        expected.insert(path, line.left(64).toLower());
    }
    QStringList problems;
    qint64 seen = 0;
    qint64 size = 0;
    const QDir root(localRoot);
    QDirIterator it(localRoot, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = root.relativeFilePath(it.next());
        if (path.startsWith("lost+found/"_L1))
            continue; // the ext4 image's own folder
        const auto want = expected.constFind(path);
        if (want == expected.cend()) {
            problems << u"%1 is not in the source"_s.arg(path);
            continue;
        }
        const QByteArray digest = sync::hashLocalFile(it.filePath()).toHex();
        if (digest != *want)
            problems << u"%1 differs from the source"_s.arg(path);
        ++seen;
        size += QFileInfo(it.filePath()).size();
        expected.erase(want);
    }
    for (auto m = expected.cbegin(); m != expected.cend(); ++m) {
        if (!m.key().startsWith("lost+found/"_L1))
            problems << u"%1 is missing"_s.arg(m.key());
    }
    if (files)
        *files = seen;
    if (bytes)
        *bytes = size;
    if (problems.isEmpty())
        return {};
    problems.sort();
    const qsizetype count = problems.size();
    return u"verification failed (%1 files): %2"_s.arg(count).arg(
        QStringList(problems.mid(0, 3)).join(u"; "_s));
}

WorkspaceCopy::WorkspaceCopy(qint64 instanceId, protocol::SshEndpoint source,
                             QString privateKeyPath, QString localRoot, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_keyPath(std::move(privateKeyPath))
    , m_localRoot(std::move(localRoot))
{
    m_report.instance_id = instanceId;
}

WorkspaceCopy::~WorkspaceCopy()
{
    cancel();
}

void WorkspaceCopy::start()
{
    startSync();
}

void WorkspaceCopy::cancel()
{
    m_cancelled = true;
    m_job.reset(); // its destructor cancels and waits for its threads
    if (m_verifier) {
        // The verifier's session ends with its I/O timeout at the latest; it reports nothing.
        m_verifier->disconnect(this);
        m_verifier->wait();
        m_verifier = nullptr;
    }
}

void WorkspaceCopy::startSync()
{
    sync::SyncOptions options;
    options.direction = sync::Direction::Download;
    options.localRoot = m_localRoot;
    options.remoteRoot = "/workspace";
    options.endpoint = ssh::endpointFromProtocol(m_source);
    options.identity = ssh::Identity{m_keyPath, {}};
    options.sessions = 4;
    m_job = std::make_unique<sync::SyncJob>(options);
    connect(m_job.get(), &sync::SyncJob::progressChanged, this,
            [this](const sync::SyncProgress &p) {
                m_report.state = u"copying"_s;
                m_report.bytes_done = p.bytesDone;
                m_report.bytes_total = p.bytesTotal;
                m_report.files_done = p.filesDone;
                m_report.files_total = p.filesTotal;
                emit progress(m_report);
            });
    connect(m_job.get(), &sync::SyncJob::finished, this, &WorkspaceCopy::onSyncFinished);
    m_job->start();
}

void WorkspaceCopy::onSyncFinished(const sync::SyncReport &report)
{
    if (m_cancelled)
        return;
    if (!report.ok) {
        // The key may not be authorized yet: a refused login before anything moved is tried
        // again for a while.
        if (report.error.code == "auth_failed"_L1 && report.bytesTransferred == 0 &&
            ++m_loginTries < kLoginTries) {
            m_job.release()->deleteLater(); // finished is emitted from inside the job
            QTimer::singleShot(2000, this, [this] {
                if (!m_cancelled)
                    startSync();
            });
            return;
        }
        fail(report.error.message.isEmpty() ? u"the copy stopped"_s : report.error.message);
        return;
    }
    if (!report.issues.isEmpty()) {
        const auto &issue = report.issues.first();
        fail(u"%1 files could not be copied: %2: %3"_s.arg(report.issues.size())
                 .arg(QString::fromUtf8(issue.path), issue.error.message));
        return;
    }
    verify();
}

void WorkspaceCopy::verify()
{
    m_report.state = u"verifying"_s;
    emit progress(m_report);
    const ssh::Endpoint endpoint = ssh::endpointFromProtocol(m_source);
    const ssh::Identity identity{m_keyPath, {}};
    const QString root = m_localRoot;
    auto result = std::make_shared<QString>();
    auto files = std::make_shared<qint64>(0);
    auto bytes = std::make_shared<qint64>(0);
    // Hashing the tree twice (there and here) is long work: a thread of its own, which owns
    // its session from connect to end.
    m_verifier = QThread::create([endpoint, identity, root, result, files, bytes] {
        ssh::BlockingSession session;
        if (auto c = session.connect(endpoint, identity); !c) {
            *result = u"cannot reach the source to verify: "_s + c.error().message;
            return;
        }
        auto manifest = session.exec(kManifestCommand);
        if (!manifest) {
            *result = u"the source's manifest: "_s + manifest.error().message;
            return;
        }
        if (manifest->exitStatus != 0) {
            *result = u"the source's manifest failed: "_s +
                      QString::fromUtf8(manifest->err.trimmed().left(300));
            return;
        }
        *result = chownTree(root);
        if (result->isEmpty())
            *result = compareManifest(manifest->out, root, files.get(), bytes.get());
    });
    connect(m_verifier, &QThread::finished, this, [this, result, files, bytes] {
        m_verifier->deleteLater();
        m_verifier = nullptr;
        if (m_cancelled)
            return;
        if (!result->isEmpty()) {
            fail(*result);
            return;
        }
        m_report.state = u"done"_s;
        m_report.files_done = m_report.files_total = *files;
        m_report.bytes_done = m_report.bytes_total = *bytes;
        emit finished(m_report);
    });
    m_verifier->start();
}

void WorkspaceCopy::fail(const QString &why)
{
    m_report.state = u"failed"_s;
    m_report.error = why;
    emit finished(m_report);
}

} // namespace suanli::host
