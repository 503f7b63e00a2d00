#include "tarwriter.h"

#include <QDateTime>

#include <cstring>

namespace suanli::host {

namespace {

void putOctal(char *field, int width, qint64 value)
{
    // width includes the terminating NUL
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

} // namespace

void TarWriter::addDirectory(const QString &path, int mode)
{
    addEntry(path.endsWith(u'/') ? path : path + u'/', {}, mode, '5');
}

void TarWriter::addFile(const QString &path, const QByteArray &content, int mode)
{
    addEntry(path, content, mode, '0');
}

void TarWriter::addEntry(const QString &path, const QByteArray &content, int mode, char type)
{
    char header[512] = {};
    const QByteArray name = path.toUtf8();
    Q_ASSERT(name.size() < 100); // the agent's own short paths only
    std::memcpy(header, name.constData(), size_t(std::min<qsizetype>(name.size(), 99)));
    putOctal(header + 100, 8, mode);
    putOctal(header + 108, 8, 0); // uid root
    putOctal(header + 116, 8, 0); // gid root
    putOctal(header + 124, 12, content.size());
    putOctal(header + 136, 12, QDateTime::currentSecsSinceEpoch());
    std::memset(header + 148, ' ', 8);
    header[156] = type;
    std::memcpy(header + 257, "ustar", 6);
    std::memcpy(header + 263, "00", 2);
    std::memcpy(header + 265, "root", 4); // uname
    std::memcpy(header + 297, "root", 4); // gname
    unsigned sum = 0;
    for (unsigned char c : header)
        sum += c;
    putOctal(header + 148, 7, sum);
    header[155] = ' ';
    m_data.append(header, 512);
    m_data.append(content);
    if (content.size() % 512)
        m_data.append(QByteArray(512 - content.size() % 512, '\0'));
}

QByteArray TarWriter::finish() const
{
    return m_data + QByteArray(1024, '\0');
}

} // namespace suanli::host
