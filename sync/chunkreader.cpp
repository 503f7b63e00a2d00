#include "chunkreader.h"

#include "localio.h"

namespace suanli::sync {

namespace {
constexpr size_t kAhead = 3; ///< chunks read ahead of the sender
}

ChunkReader::ChunkReader(int fd, qsizetype chunkSize, Sha256 *hash)
{
    m_thread = std::thread([this, fd, chunkSize, hash] { run(fd, chunkSize, hash); });
}

void ChunkReader::run(int fd, qsizetype chunkSize, Sha256 *hash)
{
    for (;;) {
        QByteArray chunk(chunkSize, Qt::Uninitialized);
        const qint64 n = localio::readFully(fd, chunk.data(), chunkSize);
        const int error = n < 0 ? errno : 0;
        if (n > 0) {
            chunk.resize(qsizetype(n));
            hash->update(chunk.constData(), chunk.size());
        }
        std::unique_lock lock(m_mutex);
        if (n <= 0) {
            m_error = error;
            m_done = true;
            m_changed.notify_all();
            return;
        }
        m_changed.wait(lock, [this] { return m_stop || m_ready.size() < kAhead; });
        if (m_stop)
            return;
        m_ready.push_back(std::move(chunk));
        m_changed.notify_all();
    }
}

bool ChunkReader::next(QByteArray *chunk, int *error)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_done; });
    *error = 0;
    if (!m_ready.empty()) {
        *chunk = std::move(m_ready.front());
        m_ready.pop_front();
        m_changed.notify_all();
        return true;
    }
    *error = m_error;
    return false;
}

void ChunkReader::finish()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_changed.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace suanli::sync
