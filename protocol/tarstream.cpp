#include "tarstream.h"

#include <cstring>

namespace suanli::protocol::tarstream {

namespace {

/// A numeric field: octal digits and a NUL where they fit, else base-256 (GNU: the first
/// byte's top bit set, then the value big-endian in two's complement).
void putNumber(char *field, int width, qint64 value)
{
    const int digits = width - 1;
    const bool fitsOctal = value >= 0 && (digits >= 21 || value < (qint64(1) << (3 * digits)));
    if (fitsOctal) {
        for (int i = digits - 1; i >= 0; --i) {
            field[i] = char('0' + (value & 7));
            value >>= 3;
        }
        field[digits] = '\0';
        return;
    }
    const bool negative = value < 0;
    for (int i = width - 1; i >= 1; --i) {
        field[i] = char(value & 0xff);
        value >>= 8; // arithmetic: a negative value fills with ones
    }
    field[0] = char(negative ? 0xff : 0x80);
}

void appendHeader(QByteArray &out, const char *name, qsizetype nameLength, char type,
                  qint64 size, quint32 mode, qint64 mtimeSeconds)
{
    char header[kBlock];
    std::memset(header, 0, sizeof header);
    std::memcpy(header, name, size_t(qMin<qsizetype>(nameLength, 100)));
    putNumber(header + 100, 8, mode & 07777);
    putNumber(header + 108, 8, 0); // uid and gid root, and their names
    putNumber(header + 116, 8, 0);
    putNumber(header + 124, 12, size);
    putNumber(header + 136, 12, mtimeSeconds);
    header[156] = type;
    std::memcpy(header + 257, "ustar  ", 8); // GNU: magic "ustar ", version " \0"
    std::memcpy(header + 265, "root", 4);    // uname
    std::memcpy(header + 297, "root", 4);    // gname
    std::memset(header + 148, ' ', 8);
    unsigned sum = 0;
    for (const char c : header)
        sum += static_cast<unsigned char>(c);
    putNumber(header + 148, 7, sum); // six digits and a NUL, the space stays
    out.append(header, kBlock);
}

void pad(QByteArray &out, qint64 size)
{
    if (const qint64 rest = size % kBlock)
        out.append(QByteArray(kBlock - rest, '\0'));
}

void appendLongName(QByteArray &out, const QByteArray &name)
{
    if (name.size() > 100) {
        // "././@LongLink", type 'L': the name with its NUL as the member's data.
        static const char longLink[] = "././@LongLink";
        appendHeader(out, longLink, qsizetype(sizeof longLink - 1), 'L', name.size() + 1, 0, 0);
        out.append(name.constData(), name.size() + 1);
        pad(out, name.size() + 1);
    }
}

} // namespace

void appendFile(QByteArray &out, const QByteArray &name, const char *data, qint64 size,
                quint32 mode, qint64 mtimeSeconds)
{
    appendLongName(out, name);
    appendHeader(out, name.constData(), name.size(), '0', size, mode, mtimeSeconds);
    out.append(data, qsizetype(size));
    pad(out, size);
}

void appendDirectory(QByteArray &out, const QByteArray &name, quint32 mode, qint64 mtimeSeconds)
{
    QByteArray withSlash = name;
    withSlash.append('/');
    appendLongName(out, withSlash);
    appendHeader(out, withSlash.constData(), withSlash.size(), '5', 0, mode, mtimeSeconds);
}

void appendEnd(QByteArray &out, qint64 streamed)
{
    out.append(QByteArray(2 * kBlock, '\0'));
    const qint64 total = streamed + out.size();
    if (const qint64 rest = total % kRecord)
        out.append(QByteArray(kRecord - rest, '\0'));
}

} // namespace suanli::protocol::tarstream
