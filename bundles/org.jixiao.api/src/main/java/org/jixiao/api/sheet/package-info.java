/**
 * Spreadsheets for the offices: a table written as an .xlsx workbook, provided by the register engine's reader
 * and writer, for the pages that are not registers (rankings, target tables).
 */
@Export
@Version("1.0.0")
package org.jixiao.api.sheet;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
