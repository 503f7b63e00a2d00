#pragma once

#include "app/offerfilterproxy.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSpinBox;
class QTimer;
class QToolButton;

namespace suanli::ui {

/// The catalog's query box (docs/market.md language, parsed by protocol::query) and quick filters.
/// A syntax error is shown under the box, pointing at its position.
class CatalogFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit CatalogFilterBar(QWidget *parent = nullptr);

    /// Offers the GPU models and regions present in the catalog.
    void setFacets(const QStringList &gpuModels, const QStringList &regions);
    void setCurrencySymbol(const QString &symbol);
    app::QuickFilters filters() const;
    QString queryText() const;
    void setQueryText(const QString &text);
    /// Shows `error` (empty code: none) under the query box.
    void showQueryError(const Error &error);

signals:
    void filtersChanged(const suanli::app::QuickFilters &filters);
    void queryChanged(const QString &text);

private:
    void updateGpuButton();
    void emitFilters();

    QLineEdit *m_query;
    QLabel *m_queryError;
    QTimer *m_queryDebounce;
    QToolButton *m_gpuButton;
    QMenu *m_gpuMenu;
    QSpinBox *m_minGpus;
    QSpinBox *m_minVram;
    QLineEdit *m_maxPrice;
    QLabel *m_maxPriceLabel;
    QComboBox *m_region;
    QCheckBox *m_verified;
    QComboBox *m_interruptible;
};

} // namespace suanli::ui
