/**
 * Writes the plain default letter template, templates/letter.docx: `npx tsx scripts/make-letter-template.ts`.
 * A landlord replaces it with its own Word document (its letterhead, logo and fonts), keeping
 * the same fields; docs/letters.md lists them. Written by hand as WordprocessingML so that the
 * file is small, reviewable here, and rebuilt the same way every time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A paragraph with one run of text, in a style, with optional run properties. */
function p(text: string, style?: string, run = ''): string {
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${pPr}<w:r>${run ? `<w:rPr>${run}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

const body = [
  p('{landlordName}', 'Letterhead'),
  p('{landlordAddress}', 'LetterheadDetail'),
  p('{landlordContact}', 'LetterheadDetail'),
  p('{recipientName}', 'Recipient'),
  p('{recipientAddress}', 'RecipientAddress'),
  p('Date: {date}', 'LetterMeta'),
  p('Our reference: {reference}', 'LetterMetaLast'),
  p('{heading}', 'LetterHeading'),
  p('{salutation}'),
  p('{#blocks}'),
  p('{#heading}'), p('{text}', 'LetterSubheading'), p('{/heading}'),
  p('{#body}'), p('{text}'), p('{/body}'),
  p('{#bullet}'), `<w:p><w:pPr><w:pStyle w:val="LetterBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>`, p('{/bullet}'),
  p('{/blocks}'),
  p('{closing}', 'Closing'),
  p('{officerName}', 'Signature', '<w:b/>'),
  p('{officerRole}', 'SignatureDetail'),
  p('{officerEmail}', 'SignatureDetail'),
].join('');

const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>${body}<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1304" w:bottom="1134" w:left="1304" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`;

const footer = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr ${W}><w:p><w:pPr><w:pStyle w:val="LetterFooter"/></w:pPr><w:r><w:t xml:space="preserve">{landlordName} · Reference {reference} · Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`;

function style(id: string, name: string, pPr: string, rPr: string, basedOn = 'Normal'): string {
  return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="${basedOn}"/><w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
}

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="288" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
${style('Letterhead', 'Letterhead', '<w:jc w:val="right"/><w:spacing w:after="40"/>', '<w:b/><w:color w:val="1F3864"/><w:sz w:val="32"/><w:szCs w:val="32"/>')}
${style('LetterheadDetail', 'Letterhead detail', '<w:jc w:val="right"/><w:spacing w:after="40" w:line="240" w:lineRule="auto"/>', '<w:color w:val="404040"/><w:sz w:val="20"/><w:szCs w:val="20"/>')}
${style('Recipient', 'Recipient', '<w:spacing w:before="480" w:after="0"/>', '')}
${style('RecipientAddress', 'Recipient address', '<w:spacing w:after="480" w:line="264" w:lineRule="auto"/>', '')}
${style('LetterMeta', 'Date and reference', '<w:spacing w:after="0"/>', '')}
${style('LetterMetaLast', 'Date and reference, last', '<w:spacing w:after="360"/>', '')}
${style('LetterHeading', 'Letter heading', '<w:keepNext/><w:spacing w:after="240"/>', '<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>')}
${style('LetterSubheading', 'Letter subheading', '<w:keepNext/><w:spacing w:before="240" w:after="80"/>', '<w:b/><w:color w:val="1F3864"/>')}
${style('LetterBullet', 'Letter bullet', '<w:spacing w:after="80"/><w:ind w:left="567" w:hanging="283"/>', '')}
${style('Closing', 'Closing', '<w:keepNext/><w:spacing w:before="240" w:after="720"/>', '')}
${style('Signature', 'Signature', '<w:keepNext/><w:spacing w:after="0"/>', '')}
${style('SignatureDetail', 'Signature detail', '<w:keepNext/><w:spacing w:after="0"/>', '')}
${style('LetterFooter', 'Letter footer', '<w:jc w:val="center"/><w:spacing w:after="0"/>', '<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>')}
</w:styles>`;

const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;

const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Complaint letter</dc:title><dc:language>en-GB</dc:language></cp:coreProperties>`;

export function letterTemplate(): Buffer {
  const zip = new PizZip();
  // A fixed date keeps the file the same on every rebuild.
  const date = new Date('2026-01-01T00:00:00Z');
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml', contentTypes], ['_rels/.rels', rootRels], ['docProps/core.xml', core], ['word/document.xml', document],
    ['word/_rels/document.xml.rels', documentRels], ['word/styles.xml', styles], ['word/numbering.xml', numbering], ['word/footer1.xml', footer],
  ];
  for (const [name, xml] of parts) zip.file(name, xml, { date });
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

if (require.main === module) {
  const out = join(__dirname, '..', 'templates', 'letter.docx');
  writeFileSync(out, letterTemplate());
  process.stdout.write(`Wrote ${out}\n`);
}
