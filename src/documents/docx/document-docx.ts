import PizZip from 'pizzip';
import type { Block, Cell, ReportDocument } from '../../reports/document-model';

/**
 * A ReportDocument as an editable Word file (.docx), written as WordprocessingML: headings in
 * Word's own Heading styles (so the navigation pane and a contents table work), tables with
 * a repeating header row, and a ruled box for what is filled in by hand. The landlord edits
 * and publishes it, so it is plain: Arial, A4 portrait, no fields other than the page number.
 */
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const CONTENT_WIDTH = 9298; // A4 width 11906 less 1304 margins each side, in twentieths of a point

const TONE_COLOUR: Record<string, string> = { yes: '2E7D32', no: 'C62828', partly: 'B26A00', muted: '5B6570' };

export function xmlText(s: string): string {
  // Characters XML 1.0 does not allow are dropped; the rest escaped.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function run(text: string, props = ''): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

function para(text: string, style?: string, props = '', pageBreakBefore = false): string {
  const pPr = style || pageBreakBefore ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${pageBreakBefore ? '<w:pageBreakBefore/>' : ''}</w:pPr>` : '';
  return `<w:p>${pPr}${run(text, props)}</w:p>`;
}

const borders = '<w:tblBorders><w:top w:val="single" w:sz="4" w:color="A0A7AE"/><w:left w:val="single" w:sz="4" w:color="A0A7AE"/><w:bottom w:val="single" w:sz="4" w:color="A0A7AE"/><w:right w:val="single" w:sz="4" w:color="A0A7AE"/><w:insideH w:val="single" w:sz="4" w:color="A0A7AE"/><w:insideV w:val="single" w:sz="4" w:color="A0A7AE"/></w:tblBorders>';

function cellXml(c: Cell, width: number, header: boolean): string {
  const props = [c.bold || header ? '<w:b/>' : '', c.tone ? `<w:color w:val="${TONE_COLOUR[c.tone]}"/>` : ''].join('');
  const shade = header ? '<w:shd w:val="clear" w:color="auto" w:fill="EEF1F4"/>' : '';
  const lines = c.lines.length > 0 ? c.lines : [''];
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shade}</w:tcPr>${lines.map((l) => para(l, 'TableText', props)).join('')}</w:tc>`;
}

function table(b: Extract<Block, { kind: 'table' }>): string {
  const widths = b.widths.map((w) => Math.round((w / 100) * CONTENT_WIDTH));
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const head = `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${b.head.map((t, i) => cellXml({ lines: [t] }, widths[i] ?? 0, true)).join('')}</w:tr>`;
  const rows = b.rows.map((r) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${r.map((c, i) => cellXml(c, widths[i] ?? 0, false)).join('')}</w:tr>`).join('');
  // A paragraph after each table, so two tables never merge and the cursor has somewhere to go.
  return `<w:tbl><w:tblPr><w:tblW w:w="${CONTENT_WIDTH}" w:type="dxa"/>${borders}<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>${grid}${head}${rows}</w:tbl><w:p/>`;
}

function fillIn(b: Extract<Block, { kind: 'fill-in' }>): string {
  const empty = Array.from({ length: Math.max(1, b.lines) }, () => '<w:p/>').join('');
  return `${para(b.label, 'Heading3')}<w:tbl><w:tblPr><w:tblW w:w="${CONTENT_WIDTH}" w:type="dxa"/>${borders}</w:tblPr><w:tblGrid><w:gridCol w:w="${CONTENT_WIDTH}"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="${CONTENT_WIDTH}" w:type="dxa"/></w:tcPr>${empty}</w:tc></w:tr></w:tbl><w:p/>`;
}

function blockXml(b: Block): string {
  switch (b.kind) {
    case 'heading': return para(b.text, b.level === 2 ? 'Heading2' : 'Heading3', '', b.newPage === true);
    case 'paragraph': return para(b.text, b.style === 'note' || b.style === 'small' ? 'Note' : b.style === 'warning' ? 'Warning' : undefined);
    case 'list': return b.items.map((i) => `<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(i)}</w:p>`).join('');
    case 'table': return table(b);
    case 'fill-in': return fillIn(b);
  }
}

function style(id: string, name: string, pPr: string, rPr: string, extra = ''): string {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>${extra}<w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
${style('Title', 'Title', '<w:spacing w:after="80"/>', '<w:b/><w:color w:val="1F3864"/><w:sz w:val="40"/><w:szCs w:val="40"/>')}
${style('Subtitle', 'Subtitle', '<w:spacing w:after="40"/>', '<w:color w:val="404040"/>')}
${style('Heading2', 'heading 2', '<w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="1"/>', '<w:b/><w:color w:val="1F5F8B"/><w:sz w:val="28"/><w:szCs w:val="28"/>')}
${style('Heading3', 'heading 3', '<w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="2"/>', '<w:b/><w:sz w:val="23"/><w:szCs w:val="23"/>')}
${style('Note', 'Note', '', '<w:color w:val="5B6570"/><w:sz w:val="19"/><w:szCs w:val="19"/>')}
${style('Warning', 'Warning', '<w:pBdr><w:left w:val="single" w:sz="18" w:space="6" w:color="B26A00"/></w:pBdr>', '')}
${style('TableText', 'Table text', '<w:spacing w:after="60" w:line="240" w:lineRule="auto"/>', '<w:sz w:val="19"/><w:szCs w:val="19"/>')}
${style('ListBullet', 'List Bullet', '<w:ind w:left="360" w:hanging="360"/>', '')}
</w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const footerXml = (text: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr ${W}><w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr>${run(`${text} · Page `)}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`;

export function renderDocumentDocx(doc: ReportDocument, footer: string): Uint8Array {
  const body = [para(doc.title, 'Title'), ...doc.subtitle.map((s) => para(s, 'Subtitle')), ...doc.blocks.map(blockXml)].join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>${body}<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1304" w:bottom="1134" w:left="1304" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const zip = new PizZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`);
  zip.file('docProps/core.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xmlText(doc.title)}</dc:title></cp:coreProperties>`);
  zip.file('word/document.xml', document);
  zip.file('word/styles.xml', STYLES);
  zip.file('word/numbering.xml', NUMBERING);
  zip.file('word/footer1.xml', footerXml(footer));
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
