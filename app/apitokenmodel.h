#pragma once

#include "protocol/types.h"

#include <QAbstractTableModel>

namespace suanli::app {

/// The account's API keys (GET /api/v1/tokens) for the Account dialog: label, prefix, created,
/// last used, expires. This computer's own key (the app's session) is marked.
class ApiTokenModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Label,
        Prefix,
        Created,
        LastUsed,
        Expires,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        CurrentRole
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setTokens(const QList<protocol::ApiToken> &tokens);
    /// The id of this computer's key; 0: none known.
    void setCurrentId(qint64 id);
    qint64 currentId() const { return m_currentId; }
    const protocol::ApiToken &token(int row) const { return m_tokens.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<protocol::ApiToken> m_tokens;
    qint64 m_currentId = 0;
};

} // namespace suanli::app
