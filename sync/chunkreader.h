#pragma once

#include "hasher.h"

#include <QByteArray>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace suanli::sync {

/// Reads a file in chunks and hashes them on a thread of its own, a few chunks ahead of the
/// caller, so that reading and SHA-256 overlap with encrypting and sending a large file (a
/// second core instead of one thread doing everything in turn).
///
/// The hash is only complete, and may only be read, after next() returned false at the end
/// of the file (or after finish()).
class ChunkReader
{
public:
    ChunkReader(int fd, qsizetype chunkSize, Sha256 *hash);
    ~ChunkReader() { finish(); }
    ChunkReader(const ChunkReader &) = delete;
    ChunkReader &operator=(const ChunkReader &) = delete;

    /// The next chunk into *chunk; false at the end of the file, or on a read error
    /// (*error = errno, else 0).
    bool next(QByteArray *chunk, int *error);
    /// Stops reading and joins the thread.
    void finish();

private:
    void run(int fd, qsizetype chunkSize, Sha256 *hash);

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QByteArray> m_ready;
    bool m_done = false;
    bool m_stop = false;
    int m_error = 0;
    std::thread m_thread;
};

} // namespace suanli::sync
