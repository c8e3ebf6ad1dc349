/**
 * A small spreadsheet codec for the register engine's import and export, with no dependency beyond the JDK
 * (java.util.zip and StAX): Apache POI would bring commons-compress, xmlbeans and log4j into the OSGi
 * runtime and hold a whole workbook as objects.
 *
 * <ul>
 * <li>{@link org.jixiao.register.internal.sheet.SheetReader#read} reads an uploaded .xlsx or CSV into a
 * {@link org.jixiao.register.internal.sheet.Sheet}: a header row and data rows of text, with their row
 * numbers, bounded by {@link org.jixiao.register.internal.sheet.Limits} and refusing bad files with a
 * {@link org.jixiao.register.internal.sheet.SheetException} whose reason can be shown to a user.</li>
 * <li>{@link org.jixiao.register.internal.sheet.SheetWriter} streams an .xlsx of one or more
 * {@link org.jixiao.register.internal.sheet.SheetSpec sheets} of
 * {@link org.jixiao.register.internal.sheet.Cell cells}: exports, import templates with drop-downs, and
 * error reports.</li>
 * <li>{@link org.jixiao.register.internal.sheet.CsvWriter} writes CSV Excel opens in Chinese, guarded
 * against formula injection.</li>
 * </ul>
 *
 * What is read back from a written file is what was written: text exactly, numbers in plain notation,
 * dates as yyyy-MM-dd, booleans as true/false.
 */
package org.jixiao.register.internal.sheet;
