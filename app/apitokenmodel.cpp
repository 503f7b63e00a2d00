#include "apitokenmodel.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace suanli::app {

void ApiTokenModel::setTokens(const QList<protocol::ApiToken> &tokens)
{
    beginResetModel();
    m_tokens = tokens;
    // Newest first: the key just made is on top, where the user looks for it.
    std::stable_sort(m_tokens.begin(), m_tokens.end(),
                     [](const protocol::ApiToken &a, const protocol::ApiToken &b) {
                         return a.created_at > b.created_at ||
                                (a.created_at == b.created_at && a.id > b.id);
                     });
    endResetModel();
}

void ApiTokenModel::setCurrentId(qint64 id)
{
    if (m_currentId == id)
        return;
    m_currentId = id;
    if (!m_tokens.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ApiTokenModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tokens.size());
}

int ApiTokenModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApiTokenModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::ApiToken &key = m_tokens.at(index.row());
    const bool current = key.id == m_currentId && m_currentId > 0;
    const auto when = [](const QDateTime &time) {
        return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Label:
            return current ? tr("%1 (this computer)").arg(key.label) : key.label;
        case Prefix:
            return QString(key.prefix + u"…"_s);
        case Created:
            return when(key.created_at);
        case LastUsed:
            return key.last_used_at.isValid() ? when(key.last_used_at) : tr("never");
        case Expires:
            return key.expires_at.isValid() ? when(key.expires_at) : tr("never");
        }
        break;
    case IdRole:
        return key.id;
    case CurrentRole:
        return current;
    }
    return {};
}

QVariant ApiTokenModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Label:
        return tr("Label");
    case Prefix:
        return tr("Key");
    case Created:
        return tr("Created");
    case LastUsed:
        return tr("Last used");
    case Expires:
        return tr("Expires");
    }
    return {};
}

} // namespace suanli::app
