#pragma once

#include "app/catalogcontroller.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;

namespace suanli::ui {

class CatalogFilterBar;
class OfferDetailPane;
class StateWidget;

/// The offer catalog: query box and quick filters, the table, and the selected offer's
/// details. Loading, empty, no-match and error states are drawn in place of the table.
class CatalogView : public QWidget
{
    Q_OBJECT
public:
    explicit CatalogView(app::CatalogController *controller, QWidget *parent = nullptr);

    QTableView *table() { return m_table; }
    CatalogFilterBar *filterBar() { return m_filters; }
    OfferDetailPane *detailPane() { return m_detail; }
    void setCurrency(const QString &currency);
    /// Selects the offer with this id, if shown.
    void selectOffer(qint64 offerId);

signals:
    void rentRequested(const suanli::protocol::Offer &offer, int gpus, qint64 diskGb);
    /// The table was painted with data (or an empty state) for the first time.
    void firstPaint();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitColumns();
    void updateState();
    void updateSelection();
    void updateCount();

    app::CatalogController *m_controller;
    CatalogFilterBar *m_filters;
    QStackedWidget *m_stack;
    QTableView *m_table;
    StateWidget *m_state;
    OfferDetailPane *m_detail;
    QLabel *m_count;
    bool m_painted = false;
};

} // namespace suanli::ui
