/*
 * text-width.c -- display width, grapheme clusters, fitting and wrapping.
 *
 * The width of a character does not come from wcwidth(3): its answers depend
 * on the locale and on the C library version, and the layout of the inbox
 * must not. The tables below are derived from the Unicode 15.0 data files:
 *
 *   width_wide     East_Asian_Width W or F, with the unassigned code
 *                  points that default to W (the ideograph blocks, planes
 *                  2 and 3);
 *   width_zero     General_Category Mn, Me and Cf (except U+00AD and the
 *                  Prepended_Concatenation_Mark characters, which are
 *                  visible), plus Hangul medial vowels and final consonants
 *                  U+1160..U+11FF and U+D7B0..U+D7FF;
 *   width_spacing  Grapheme_Cluster_Break Extend, ZWJ or SpacingMark that
 *                  are not already in width_zero (spacing marks, emoji
 *                  modifiers, halfwidth sound marks);
 *   width_pict     Extended_Pictographic (emoji-data.txt).
 *
 * Each is a sorted list of merged ranges, searched by bisection. The data
 * files are those of Debian's unicode-data package (/usr/share/unicode).
 *
 * A "cluster" here approximates an extended grapheme cluster (UAX #29): a
 * base followed by extending and spacing marks, a regional-indicator pair,
 * or an emoji ZWJ sequence. Not modelled: the conjoining Hangul jamo rules
 * (medial and final jamo simply extend) and Prepend characters; Unicode's
 * GraphemeBreakTest.txt cases that fail are all of those two kinds.
 * Controls are clusters of their own and have no width. The width of a
 * cluster is the sum of its code points' widths, which is how curses lays
 * it out on the screen (wcwidth(3) a code point), so that a line heed
 * measured as fitting never runs past the edge: an emoji with a skin tone
 * is one cluster, never cut or wrapped apart, of four columns, since
 * curses gives the tone two columns of its own. (Counting it as two made
 * curses push the tone onto the next line when the emoji ended a line; a
 * terminal that draws the pair in two columns leaves the line two columns
 * short, which does no harm.) Every function here measures through
 * width_cluster, so they all agree with text_width.
 */

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

static const struct text_range width_wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 },
	{ 0x25FD, 0x25FE }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 },
	{ 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA },
	{ 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA },
	{ 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C },
	{ 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x2E99 },
	{ 0x2E9B, 0x2EF3 }, { 0x2F00, 0x2FD5 }, { 0x2FF0, 0x2FFB },
	{ 0x3000, 0x303E }, { 0x3041, 0x3096 }, { 0x3099, 0x30FF },
	{ 0x3105, 0x312F }, { 0x3131, 0x318E }, { 0x3190, 0x31E3 },
	{ 0x31F0, 0x321E }, { 0x3220, 0x3247 }, { 0x3250, 0x4DBF },
	{ 0x4E00, 0xA48C }, { 0xA490, 0xA4C6 }, { 0xA960, 0xA97C },
	{ 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 },
	{ 0xFE30, 0xFE52 }, { 0xFE54, 0xFE66 }, { 0xFE68, 0xFE6B },
	{ 0xFF01, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FE4 },
	{ 0x16FF0, 0x16FF1 }, { 0x17000, 0x187F7 }, { 0x18800, 0x18CD5 },
	{ 0x18D00, 0x18D08 }, { 0x1AFF0, 0x1AFF3 }, { 0x1AFF5, 0x1AFFB },
	{ 0x1AFFD, 0x1AFFE }, { 0x1B000, 0x1B122 }, { 0x1B132, 0x1B132 },
	{ 0x1B150, 0x1B152 }, { 0x1B155, 0x1B155 }, { 0x1B164, 0x1B167 },
	{ 0x1B170, 0x1B2FB }, { 0x1F004, 0x1F004 }, { 0x1F0CF, 0x1F0CF },
	{ 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A }, { 0x1F200, 0x1F202 },
	{ 0x1F210, 0x1F23B }, { 0x1F240, 0x1F248 }, { 0x1F250, 0x1F251 },
	{ 0x1F260, 0x1F265 }, { 0x1F300, 0x1F320 }, { 0x1F32D, 0x1F335 },
	{ 0x1F337, 0x1F37C }, { 0x1F37E, 0x1F393 }, { 0x1F3A0, 0x1F3CA },
	{ 0x1F3CF, 0x1F3D3 }, { 0x1F3E0, 0x1F3F0 }, { 0x1F3F4, 0x1F3F4 },
	{ 0x1F3F8, 0x1F43E }, { 0x1F440, 0x1F440 }, { 0x1F442, 0x1F4FC },
	{ 0x1F4FF, 0x1F53D }, { 0x1F54B, 0x1F54E }, { 0x1F550, 0x1F567 },
	{ 0x1F57A, 0x1F57A }, { 0x1F595, 0x1F596 }, { 0x1F5A4, 0x1F5A4 },
	{ 0x1F5FB, 0x1F64F }, { 0x1F680, 0x1F6C5 }, { 0x1F6CC, 0x1F6CC },
	{ 0x1F6D0, 0x1F6D2 }, { 0x1F6D5, 0x1F6D7 }, { 0x1F6DC, 0x1F6DF },
	{ 0x1F6EB, 0x1F6EC }, { 0x1F6F4, 0x1F6FC }, { 0x1F7E0, 0x1F7EB },
	{ 0x1F7F0, 0x1F7F0 }, { 0x1F90C, 0x1F93A }, { 0x1F93C, 0x1F945 },
	{ 0x1F947, 0x1F9FF }, { 0x1FA70, 0x1FA7C }, { 0x1FA80, 0x1FA88 },
	{ 0x1FA90, 0x1FABD }, { 0x1FABF, 0x1FAC5 }, { 0x1FACE, 0x1FADB },
	{ 0x1FAE0, 0x1FAE8 }, { 0x1FAF0, 0x1FAF8 }, { 0x20000, 0x2FFFD },
	{ 0x30000, 0x3FFFD },
};

static const struct text_range width_zero[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x05BF, 0x05BF }, { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
	{ 0x05C7, 0x05C7 }, { 0x0610, 0x061A }, { 0x061C, 0x061C },
	{ 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06DC },
	{ 0x06DF, 0x06E4 }, { 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED },
	{ 0x0711, 0x0711 }, { 0x0730, 0x074A }, { 0x07A6, 0x07B0 },
	{ 0x07EB, 0x07F3 }, { 0x07FD, 0x07FD }, { 0x0816, 0x0819 },
	{ 0x081B, 0x0823 }, { 0x0825, 0x0827 }, { 0x0829, 0x082D },
	{ 0x0859, 0x085B }, { 0x0898, 0x089F }, { 0x08CA, 0x08E1 },
	{ 0x08E3, 0x0902 }, { 0x093A, 0x093A }, { 0x093C, 0x093C },
	{ 0x0941, 0x0948 }, { 0x094D, 0x094D }, { 0x0951, 0x0957 },
	{ 0x0962, 0x0963 }, { 0x0981, 0x0981 }, { 0x09BC, 0x09BC },
	{ 0x09C1, 0x09C4 }, { 0x09CD, 0x09CD }, { 0x09E2, 0x09E3 },
	{ 0x09FE, 0x09FE }, { 0x0A01, 0x0A02 }, { 0x0A3C, 0x0A3C },
	{ 0x0A41, 0x0A42 }, { 0x0A47, 0x0A48 }, { 0x0A4B, 0x0A4D },
	{ 0x0A51, 0x0A51 }, { 0x0A70, 0x0A71 }, { 0x0A75, 0x0A75 },
	{ 0x0A81, 0x0A82 }, { 0x0ABC, 0x0ABC }, { 0x0AC1, 0x0AC5 },
	{ 0x0AC7, 0x0AC8 }, { 0x0ACD, 0x0ACD }, { 0x0AE2, 0x0AE3 },
	{ 0x0AFA, 0x0AFF }, { 0x0B01, 0x0B01 }, { 0x0B3C, 0x0B3C },
	{ 0x0B3F, 0x0B3F }, { 0x0B41, 0x0B44 }, { 0x0B4D, 0x0B4D },
	{ 0x0B55, 0x0B56 }, { 0x0B62, 0x0B63 }, { 0x0B82, 0x0B82 },
	{ 0x0BC0, 0x0BC0 }, { 0x0BCD, 0x0BCD }, { 0x0C00, 0x0C00 },
	{ 0x0C04, 0x0C04 }, { 0x0C3C, 0x0C3C }, { 0x0C3E, 0x0C40 },
	{ 0x0C46, 0x0C48 }, { 0x0C4A, 0x0C4D }, { 0x0C55, 0x0C56 },
	{ 0x0C62, 0x0C63 }, { 0x0C81, 0x0C81 }, { 0x0CBC, 0x0CBC },
	{ 0x0CBF, 0x0CBF }, { 0x0CC6, 0x0CC6 }, { 0x0CCC, 0x0CCD },
	{ 0x0CE2, 0x0CE3 }, { 0x0D00, 0x0D01 }, { 0x0D3B, 0x0D3C },
	{ 0x0D41, 0x0D44 }, { 0x0D4D, 0x0D4D }, { 0x0D62, 0x0D63 },
	{ 0x0D81, 0x0D81 }, { 0x0DCA, 0x0DCA }, { 0x0DD2, 0x0DD4 },
	{ 0x0DD6, 0x0DD6 }, { 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A },
	{ 0x0E47, 0x0E4E }, { 0x0EB1, 0x0EB1 }, { 0x0EB4, 0x0EBC },
	{ 0x0EC8, 0x0ECE }, { 0x0F18, 0x0F19 }, { 0x0F35, 0x0F35 },
	{ 0x0F37, 0x0F37 }, { 0x0F39, 0x0F39 }, { 0x0F71, 0x0F7E },
	{ 0x0F80, 0x0F84 }, { 0x0F86, 0x0F87 }, { 0x0F8D, 0x0F97 },
	{ 0x0F99, 0x0FBC }, { 0x0FC6, 0x0FC6 }, { 0x102D, 0x1030 },
	{ 0x1032, 0x1037 }, { 0x1039, 0x103A }, { 0x103D, 0x103E },
	{ 0x1058, 0x1059 }, { 0x105E, 0x1060 }, { 0x1071, 0x1074 },
	{ 0x1082, 0x1082 }, { 0x1085, 0x1086 }, { 0x108D, 0x108D },
	{ 0x109D, 0x109D }, { 0x1160, 0x11FF }, { 0x135D, 0x135F },
	{ 0x1712, 0x1714 }, { 0x1732, 0x1733 }, { 0x1752, 0x1753 },
	{ 0x1772, 0x1773 }, { 0x17B4, 0x17B5 }, { 0x17B7, 0x17BD },
	{ 0x17C6, 0x17C6 }, { 0x17C9, 0x17D3 }, { 0x17DD, 0x17DD },
	{ 0x180B, 0x180F }, { 0x1885, 0x1886 }, { 0x18A9, 0x18A9 },
	{ 0x1920, 0x1922 }, { 0x1927, 0x1928 }, { 0x1932, 0x1932 },
	{ 0x1939, 0x193B }, { 0x1A17, 0x1A18 }, { 0x1A1B, 0x1A1B },
	{ 0x1A56, 0x1A56 }, { 0x1A58, 0x1A5E }, { 0x1A60, 0x1A60 },
	{ 0x1A62, 0x1A62 }, { 0x1A65, 0x1A6C }, { 0x1A73, 0x1A7C },
	{ 0x1A7F, 0x1A7F }, { 0x1AB0, 0x1ACE }, { 0x1B00, 0x1B03 },
	{ 0x1B34, 0x1B34 }, { 0x1B36, 0x1B3A }, { 0x1B3C, 0x1B3C },
	{ 0x1B42, 0x1B42 }, { 0x1B6B, 0x1B73 }, { 0x1B80, 0x1B81 },
	{ 0x1BA2, 0x1BA5 }, { 0x1BA8, 0x1BA9 }, { 0x1BAB, 0x1BAD },
	{ 0x1BE6, 0x1BE6 }, { 0x1BE8, 0x1BE9 }, { 0x1BED, 0x1BED },
	{ 0x1BEF, 0x1BF1 }, { 0x1C2C, 0x1C33 }, { 0x1C36, 0x1C37 },
	{ 0x1CD0, 0x1CD2 }, { 0x1CD4, 0x1CE0 }, { 0x1CE2, 0x1CE8 },
	{ 0x1CED, 0x1CED }, { 0x1CF4, 0x1CF4 }, { 0x1CF8, 0x1CF9 },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x202A, 0x202E },
	{ 0x2060, 0x2064 }, { 0x2066, 0x206F }, { 0x20D0, 0x20F0 },
	{ 0x2CEF, 0x2CF1 }, { 0x2D7F, 0x2D7F }, { 0x2DE0, 0x2DFF },
	{ 0x302A, 0x302D }, { 0x3099, 0x309A }, { 0xA66F, 0xA672 },
	{ 0xA674, 0xA67D }, { 0xA69E, 0xA69F }, { 0xA6F0, 0xA6F1 },
	{ 0xA802, 0xA802 }, { 0xA806, 0xA806 }, { 0xA80B, 0xA80B },
	{ 0xA825, 0xA826 }, { 0xA82C, 0xA82C }, { 0xA8C4, 0xA8C5 },
	{ 0xA8E0, 0xA8F1 }, { 0xA8FF, 0xA8FF }, { 0xA926, 0xA92D },
	{ 0xA947, 0xA951 }, { 0xA980, 0xA982 }, { 0xA9B3, 0xA9B3 },
	{ 0xA9B6, 0xA9B9 }, { 0xA9BC, 0xA9BD }, { 0xA9E5, 0xA9E5 },
	{ 0xAA29, 0xAA2E }, { 0xAA31, 0xAA32 }, { 0xAA35, 0xAA36 },
	{ 0xAA43, 0xAA43 }, { 0xAA4C, 0xAA4C }, { 0xAA7C, 0xAA7C },
	{ 0xAAB0, 0xAAB0 }, { 0xAAB2, 0xAAB4 }, { 0xAAB7, 0xAAB8 },
	{ 0xAABE, 0xAABF }, { 0xAAC1, 0xAAC1 }, { 0xAAEC, 0xAAED },
	{ 0xAAF6, 0xAAF6 }, { 0xABE5, 0xABE5 }, { 0xABE8, 0xABE8 },
	{ 0xABED, 0xABED }, { 0xD7B0, 0xD7FF }, { 0xFB1E, 0xFB1E },
	{ 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF },
	{ 0xFFF9, 0xFFFB }, { 0x101FD, 0x101FD }, { 0x102E0, 0x102E0 },
	{ 0x10376, 0x1037A }, { 0x10A01, 0x10A03 }, { 0x10A05, 0x10A06 },
	{ 0x10A0C, 0x10A0F }, { 0x10A38, 0x10A3A }, { 0x10A3F, 0x10A3F },
	{ 0x10AE5, 0x10AE6 }, { 0x10D24, 0x10D27 }, { 0x10EAB, 0x10EAC },
	{ 0x10EFD, 0x10EFF }, { 0x10F46, 0x10F50 }, { 0x10F82, 0x10F85 },
	{ 0x11001, 0x11001 }, { 0x11038, 0x11046 }, { 0x11070, 0x11070 },
	{ 0x11073, 0x11074 }, { 0x1107F, 0x11081 }, { 0x110B3, 0x110B6 },
	{ 0x110B9, 0x110BA }, { 0x110C2, 0x110C2 }, { 0x11100, 0x11102 },
	{ 0x11127, 0x1112B }, { 0x1112D, 0x11134 }, { 0x11173, 0x11173 },
	{ 0x11180, 0x11181 }, { 0x111B6, 0x111BE }, { 0x111C9, 0x111CC },
	{ 0x111CF, 0x111CF }, { 0x1122F, 0x11231 }, { 0x11234, 0x11234 },
	{ 0x11236, 0x11237 }, { 0x1123E, 0x1123E }, { 0x11241, 0x11241 },
	{ 0x112DF, 0x112DF }, { 0x112E3, 0x112EA }, { 0x11300, 0x11301 },
	{ 0x1133B, 0x1133C }, { 0x11340, 0x11340 }, { 0x11366, 0x1136C },
	{ 0x11370, 0x11374 }, { 0x11438, 0x1143F }, { 0x11442, 0x11444 },
	{ 0x11446, 0x11446 }, { 0x1145E, 0x1145E }, { 0x114B3, 0x114B8 },
	{ 0x114BA, 0x114BA }, { 0x114BF, 0x114C0 }, { 0x114C2, 0x114C3 },
	{ 0x115B2, 0x115B5 }, { 0x115BC, 0x115BD }, { 0x115BF, 0x115C0 },
	{ 0x115DC, 0x115DD }, { 0x11633, 0x1163A }, { 0x1163D, 0x1163D },
	{ 0x1163F, 0x11640 }, { 0x116AB, 0x116AB }, { 0x116AD, 0x116AD },
	{ 0x116B0, 0x116B5 }, { 0x116B7, 0x116B7 }, { 0x1171D, 0x1171F },
	{ 0x11722, 0x11725 }, { 0x11727, 0x1172B }, { 0x1182F, 0x11837 },
	{ 0x11839, 0x1183A }, { 0x1193B, 0x1193C }, { 0x1193E, 0x1193E },
	{ 0x11943, 0x11943 }, { 0x119D4, 0x119D7 }, { 0x119DA, 0x119DB },
	{ 0x119E0, 0x119E0 }, { 0x11A01, 0x11A0A }, { 0x11A33, 0x11A38 },
	{ 0x11A3B, 0x11A3E }, { 0x11A47, 0x11A47 }, { 0x11A51, 0x11A56 },
	{ 0x11A59, 0x11A5B }, { 0x11A8A, 0x11A96 }, { 0x11A98, 0x11A99 },
	{ 0x11C30, 0x11C36 }, { 0x11C38, 0x11C3D }, { 0x11C3F, 0x11C3F },
	{ 0x11C92, 0x11CA7 }, { 0x11CAA, 0x11CB0 }, { 0x11CB2, 0x11CB3 },
	{ 0x11CB5, 0x11CB6 }, { 0x11D31, 0x11D36 }, { 0x11D3A, 0x11D3A },
	{ 0x11D3C, 0x11D3D }, { 0x11D3F, 0x11D45 }, { 0x11D47, 0x11D47 },
	{ 0x11D90, 0x11D91 }, { 0x11D95, 0x11D95 }, { 0x11D97, 0x11D97 },
	{ 0x11EF3, 0x11EF4 }, { 0x11F00, 0x11F01 }, { 0x11F36, 0x11F3A },
	{ 0x11F40, 0x11F40 }, { 0x11F42, 0x11F42 }, { 0x13430, 0x13440 },
	{ 0x13447, 0x13455 }, { 0x16AF0, 0x16AF4 }, { 0x16B30, 0x16B36 },
	{ 0x16F4F, 0x16F4F }, { 0x16F8F, 0x16F92 }, { 0x16FE4, 0x16FE4 },
	{ 0x1BC9D, 0x1BC9E }, { 0x1BCA0, 0x1BCA3 }, { 0x1CF00, 0x1CF2D },
	{ 0x1CF30, 0x1CF46 }, { 0x1D167, 0x1D169 }, { 0x1D173, 0x1D182 },
	{ 0x1D185, 0x1D18B }, { 0x1D1AA, 0x1D1AD }, { 0x1D242, 0x1D244 },
	{ 0x1DA00, 0x1DA36 }, { 0x1DA3B, 0x1DA6C }, { 0x1DA75, 0x1DA75 },
	{ 0x1DA84, 0x1DA84 }, { 0x1DA9B, 0x1DA9F }, { 0x1DAA1, 0x1DAAF },
	{ 0x1E000, 0x1E006 }, { 0x1E008, 0x1E018 }, { 0x1E01B, 0x1E021 },
	{ 0x1E023, 0x1E024 }, { 0x1E026, 0x1E02A }, { 0x1E08F, 0x1E08F },
	{ 0x1E130, 0x1E136 }, { 0x1E2AE, 0x1E2AE }, { 0x1E2EC, 0x1E2EF },
	{ 0x1E4EC, 0x1E4EF }, { 0x1E8D0, 0x1E8D6 }, { 0x1E944, 0x1E94A },
	{ 0xE0001, 0xE0001 }, { 0xE0020, 0xE007F }, { 0xE0100, 0xE01EF },
};

static const struct text_range width_spacing[] = {
	{ 0x0903, 0x0903 }, { 0x093B, 0x093B }, { 0x093E, 0x0940 },
	{ 0x0949, 0x094C }, { 0x094E, 0x094F }, { 0x0982, 0x0983 },
	{ 0x09BE, 0x09C0 }, { 0x09C7, 0x09C8 }, { 0x09CB, 0x09CC },
	{ 0x09D7, 0x09D7 }, { 0x0A03, 0x0A03 }, { 0x0A3E, 0x0A40 },
	{ 0x0A83, 0x0A83 }, { 0x0ABE, 0x0AC0 }, { 0x0AC9, 0x0AC9 },
	{ 0x0ACB, 0x0ACC }, { 0x0B02, 0x0B03 }, { 0x0B3E, 0x0B3E },
	{ 0x0B40, 0x0B40 }, { 0x0B47, 0x0B48 }, { 0x0B4B, 0x0B4C },
	{ 0x0B57, 0x0B57 }, { 0x0BBE, 0x0BBF }, { 0x0BC1, 0x0BC2 },
	{ 0x0BC6, 0x0BC8 }, { 0x0BCA, 0x0BCC }, { 0x0BD7, 0x0BD7 },
	{ 0x0C01, 0x0C03 }, { 0x0C41, 0x0C44 }, { 0x0C82, 0x0C83 },
	{ 0x0CBE, 0x0CBE }, { 0x0CC0, 0x0CC4 }, { 0x0CC7, 0x0CC8 },
	{ 0x0CCA, 0x0CCB }, { 0x0CD5, 0x0CD6 }, { 0x0CF3, 0x0CF3 },
	{ 0x0D02, 0x0D03 }, { 0x0D3E, 0x0D40 }, { 0x0D46, 0x0D48 },
	{ 0x0D4A, 0x0D4C }, { 0x0D57, 0x0D57 }, { 0x0D82, 0x0D83 },
	{ 0x0DCF, 0x0DD1 }, { 0x0DD8, 0x0DDF }, { 0x0DF2, 0x0DF3 },
	{ 0x0E33, 0x0E33 }, { 0x0EB3, 0x0EB3 }, { 0x0F3E, 0x0F3F },
	{ 0x0F7F, 0x0F7F }, { 0x1031, 0x1031 }, { 0x103B, 0x103C },
	{ 0x1056, 0x1057 }, { 0x1084, 0x1084 }, { 0x1715, 0x1715 },
	{ 0x1734, 0x1734 }, { 0x17B6, 0x17B6 }, { 0x17BE, 0x17C5 },
	{ 0x17C7, 0x17C8 }, { 0x1923, 0x1926 }, { 0x1929, 0x192B },
	{ 0x1930, 0x1931 }, { 0x1933, 0x1938 }, { 0x1A19, 0x1A1A },
	{ 0x1A55, 0x1A55 }, { 0x1A57, 0x1A57 }, { 0x1A6D, 0x1A72 },
	{ 0x1B04, 0x1B04 }, { 0x1B35, 0x1B35 }, { 0x1B3B, 0x1B3B },
	{ 0x1B3D, 0x1B41 }, { 0x1B43, 0x1B44 }, { 0x1B82, 0x1B82 },
	{ 0x1BA1, 0x1BA1 }, { 0x1BA6, 0x1BA7 }, { 0x1BAA, 0x1BAA },
	{ 0x1BE7, 0x1BE7 }, { 0x1BEA, 0x1BEC }, { 0x1BEE, 0x1BEE },
	{ 0x1BF2, 0x1BF3 }, { 0x1C24, 0x1C2B }, { 0x1C34, 0x1C35 },
	{ 0x1CE1, 0x1CE1 }, { 0x1CF7, 0x1CF7 }, { 0x302E, 0x302F },
	{ 0xA823, 0xA824 }, { 0xA827, 0xA827 }, { 0xA880, 0xA881 },
	{ 0xA8B4, 0xA8C3 }, { 0xA952, 0xA953 }, { 0xA983, 0xA983 },
	{ 0xA9B4, 0xA9B5 }, { 0xA9BA, 0xA9BB }, { 0xA9BE, 0xA9C0 },
	{ 0xAA2F, 0xAA30 }, { 0xAA33, 0xAA34 }, { 0xAA4D, 0xAA4D },
	{ 0xAAEB, 0xAAEB }, { 0xAAEE, 0xAAEF }, { 0xAAF5, 0xAAF5 },
	{ 0xABE3, 0xABE4 }, { 0xABE6, 0xABE7 }, { 0xABE9, 0xABEA },
	{ 0xABEC, 0xABEC }, { 0xFF9E, 0xFF9F }, { 0x11000, 0x11000 },
	{ 0x11002, 0x11002 }, { 0x11082, 0x11082 }, { 0x110B0, 0x110B2 },
	{ 0x110B7, 0x110B8 }, { 0x1112C, 0x1112C }, { 0x11145, 0x11146 },
	{ 0x11182, 0x11182 }, { 0x111B3, 0x111B5 }, { 0x111BF, 0x111C0 },
	{ 0x111CE, 0x111CE }, { 0x1122C, 0x1122E }, { 0x11232, 0x11233 },
	{ 0x11235, 0x11235 }, { 0x112E0, 0x112E2 }, { 0x11302, 0x11303 },
	{ 0x1133E, 0x1133F }, { 0x11341, 0x11344 }, { 0x11347, 0x11348 },
	{ 0x1134B, 0x1134D }, { 0x11357, 0x11357 }, { 0x11362, 0x11363 },
	{ 0x11435, 0x11437 }, { 0x11440, 0x11441 }, { 0x11445, 0x11445 },
	{ 0x114B0, 0x114B2 }, { 0x114B9, 0x114B9 }, { 0x114BB, 0x114BE },
	{ 0x114C1, 0x114C1 }, { 0x115AF, 0x115B1 }, { 0x115B8, 0x115BB },
	{ 0x115BE, 0x115BE }, { 0x11630, 0x11632 }, { 0x1163B, 0x1163C },
	{ 0x1163E, 0x1163E }, { 0x116AC, 0x116AC }, { 0x116AE, 0x116AF },
	{ 0x116B6, 0x116B6 }, { 0x11726, 0x11726 }, { 0x1182C, 0x1182E },
	{ 0x11838, 0x11838 }, { 0x11930, 0x11935 }, { 0x11937, 0x11938 },
	{ 0x1193D, 0x1193D }, { 0x11940, 0x11940 }, { 0x11942, 0x11942 },
	{ 0x119D1, 0x119D3 }, { 0x119DC, 0x119DF }, { 0x119E4, 0x119E4 },
	{ 0x11A39, 0x11A39 }, { 0x11A57, 0x11A58 }, { 0x11A97, 0x11A97 },
	{ 0x11C2F, 0x11C2F }, { 0x11C3E, 0x11C3E }, { 0x11CA9, 0x11CA9 },
	{ 0x11CB1, 0x11CB1 }, { 0x11CB4, 0x11CB4 }, { 0x11D8A, 0x11D8E },
	{ 0x11D93, 0x11D94 }, { 0x11D96, 0x11D96 }, { 0x11EF5, 0x11EF6 },
	{ 0x11F03, 0x11F03 }, { 0x11F34, 0x11F35 }, { 0x11F3E, 0x11F3F },
	{ 0x11F41, 0x11F41 }, { 0x16F51, 0x16F87 }, { 0x16FF0, 0x16FF1 },
	{ 0x1D165, 0x1D166 }, { 0x1D16D, 0x1D172 }, { 0x1F3FB, 0x1F3FF },
};

static const struct text_range width_pict[] = {
	{ 0x00A9, 0x00A9 }, { 0x00AE, 0x00AE }, { 0x203C, 0x203C },
	{ 0x2049, 0x2049 }, { 0x2122, 0x2122 }, { 0x2139, 0x2139 },
	{ 0x2194, 0x2199 }, { 0x21A9, 0x21AA }, { 0x231A, 0x231B },
	{ 0x2328, 0x2328 }, { 0x2388, 0x2388 }, { 0x23CF, 0x23CF },
	{ 0x23E9, 0x23F3 }, { 0x23F8, 0x23FA }, { 0x24C2, 0x24C2 },
	{ 0x25AA, 0x25AB }, { 0x25B6, 0x25B6 }, { 0x25C0, 0x25C0 },
	{ 0x25FB, 0x25FE }, { 0x2600, 0x2605 }, { 0x2607, 0x2612 },
	{ 0x2614, 0x2685 }, { 0x2690, 0x2705 }, { 0x2708, 0x2712 },
	{ 0x2714, 0x2714 }, { 0x2716, 0x2716 }, { 0x271D, 0x271D },
	{ 0x2721, 0x2721 }, { 0x2728, 0x2728 }, { 0x2733, 0x2734 },
	{ 0x2744, 0x2744 }, { 0x2747, 0x2747 }, { 0x274C, 0x274C },
	{ 0x274E, 0x274E }, { 0x2753, 0x2755 }, { 0x2757, 0x2757 },
	{ 0x2763, 0x2767 }, { 0x2795, 0x2797 }, { 0x27A1, 0x27A1 },
	{ 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2934, 0x2935 },
	{ 0x2B05, 0x2B07 }, { 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B50 },
	{ 0x2B55, 0x2B55 }, { 0x3030, 0x3030 }, { 0x303D, 0x303D },
	{ 0x3297, 0x3297 }, { 0x3299, 0x3299 }, { 0x1F000, 0x1F0FF },
	{ 0x1F10D, 0x1F10F }, { 0x1F12F, 0x1F12F }, { 0x1F16C, 0x1F171 },
	{ 0x1F17E, 0x1F17F }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A },
	{ 0x1F1AD, 0x1F1E5 }, { 0x1F201, 0x1F20F }, { 0x1F21A, 0x1F21A },
	{ 0x1F22F, 0x1F22F }, { 0x1F232, 0x1F23A }, { 0x1F23C, 0x1F23F },
	{ 0x1F249, 0x1F3FA }, { 0x1F400, 0x1F53D }, { 0x1F546, 0x1F64F },
	{ 0x1F680, 0x1F6FF }, { 0x1F774, 0x1F77F }, { 0x1F7D5, 0x1F7FF },
	{ 0x1F80C, 0x1F80F }, { 0x1F848, 0x1F84F }, { 0x1F85A, 0x1F85F },
	{ 0x1F888, 0x1F88F }, { 0x1F8AE, 0x1F8FF }, { 0x1F90C, 0x1F93A },
	{ 0x1F93C, 0x1F945 }, { 0x1F947, 0x1FAFF }, { 0x1FC00, 0x1FFFD },
};

/*
 * Format characters that are zero width but do not join the cluster before
 * them (Grapheme_Cluster_Break Control).
 */
static const struct text_range width_breaking[] = {
	{ 0x061C, 0x061C }, { 0x180E, 0x180E }, { 0x200B, 0x200B },
	{ 0x200E, 0x200F }, { 0x202A, 0x202E }, { 0x2060, 0x2064 },
	{ 0x2066, 0x206F }, { 0xFEFF, 0xFEFF }, { 0xFFF9, 0xFFFB },
	{ 0x13430, 0x1343F }, { 0x1BCA0, 0x1BCA3 }, { 0x1D173, 0x1D17A },
	{ 0xE0001, 0xE0001 }
};

#define WIDTH_IN(t, cp) text_in_ranges((t), nitems(t), (cp))

/* Tell whether a code point is in a sorted table of ranges; see text.h. */
int
text_in_ranges(const struct text_range *t, size_t n, uint32_t cp)
{
	size_t	lo = 0, hi = n, mid;

	if (n == 0 || cp < t[0].lo || cp > t[n - 1].hi)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/* Tell whether a code point is a C0 or C1 control or DEL. */
static int
width_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

/* Tell whether a code point is a regional indicator (half of a flag). */
static int
width_is_ri(uint32_t cp)
{
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/* Tell whether a code point continues the cluster before it. */
static int
width_extends(uint32_t cp)
{
	if (cp < 0x300)
		return 0;
	if (WIDTH_IN(width_zero, cp))
		return !WIDTH_IN(width_breaking, cp);
	return WIDTH_IN(width_spacing, cp);
}

/* Return the display width of a code point: 0, 1 or 2. */
int
text_cp_width(uint32_t cp)
{
	if (width_is_control(cp))
		return 0;
	if (cp < 0x300)
		return 1;
	if (WIDTH_IN(width_zero, cp))
		return 0;
	if (WIDTH_IN(width_wide, cp))
		return 2;
	return 1;
}

/*
 * Blocks of letters that have no property in the tables above but their
 * width: none is zero-width, a spacing mark, pictographic, a regional
 * indicator or a joiner. A cluster that starts with one ends where the
 * next code point does not extend it. test-text holds the clusters of
 * these letters to those the tables give.
 */
static const struct {
	uint32_t	lo;
	uint32_t	hi;
	size_t		width;
} width_plain[] = {
	{ 0x0400, 0x0482, 1 },	/* Cyrillic */
	{ 0x0621, 0x064A, 1 },	/* Arabic letters */
	{ 0x3041, 0x3096, 2 },	/* Hiragana */
	{ 0x30A1, 0x30FA, 2 },	/* Katakana */
	{ 0x4E00, 0x9FFF, 2 },	/* CJK ideographs */
	{ 0xAC00, 0xD7A3, 2 },	/* Hangul syllables */
	{ 0xFF01, 0xFF60, 2 }	/* fullwidth forms */
};

/* Give the width of a letter of width_plain, or 0 for any other. */
static size_t
width_plain_of(uint32_t cp)
{
	size_t	i;

	for (i = 0; i < nitems(width_plain) && cp >= width_plain[i].lo; i++) {
		if (cp <= width_plain[i].hi)
			return width_plain[i].width;
	}
	return 0;
}

/*
 * Give the length of the cluster at off, and its width in *width, when
 * it is one code point that is printable and below U+0300 (the Latin
 * scripts, one column) or one of width_plain, not extended by the code
 * point after it; 0 otherwise. Nothing below U+0300 extends a cluster,
 * which a next byte below 0xCC shows (a stray byte decodes to U+FFFD,
 * which does not either), and no letter of width_plain does. Most of
 * what the queue draws is decided here without the tables.
 */
static size_t
width_simple(const char *s, size_t len, size_t off, size_t *width)
{
	const unsigned char	*p = (const unsigned char *)s + off;
	uint32_t		 cp;
	size_t			 n;

	*width = 1;
	if (p[0] >= 0x20 && p[0] < 0x7F)
		n = 1;
	else if (p[0] >= 0xC2 && p[0] <= 0xCB && off + 1 < len &&
	    (p[1] & 0xC0) == 0x80 && (p[0] != 0xC2 || p[1] >= 0xA0))
		n = 2;	/* U+00A0..U+02FF; U+0080..U+009F are controls */
	else if (p[0] >= 0xD0) {
		n = text_decode(s + off, len - off, &cp);
		if ((*width = width_plain_of(cp)) == 0)
			return 0;
	} else
		return 0;
	if (off + n == len || p[n] < 0xCC)
		return n;
	text_decode(s + off + n, len - off - n, &cp);
	return width_plain_of(cp) != 0 ? n : 0;
}

/*
 * Find the end of the cluster starting at off (off < len) and store its
 * width in *width.
 */
static size_t
width_cluster(const char *s, size_t len, size_t off, size_t *width)
{
	uint32_t	cp, next;
	size_t		used, w;
	int		pict, ri;

	if ((used = width_simple(s, len, off, width)) != 0)
		return off + used;
	off += text_decode(s + off, len - off, &cp);
	w = (size_t)text_cp_width(cp);
	if (cp == '\r' && off < len && s[off] == '\n')
		off++;
	if (width_is_control(cp)) {
		*width = 0;
		return off;
	}
	pict = WIDTH_IN(width_pict, cp);
	ri = width_is_ri(cp);
	while (off < len) {
		used = text_decode(s + off, len - off, &next);
		if (ri && width_is_ri(next))
			ri = 0;
		else if (width_extends(next))
			ri = 0;
		else if (!(cp == 0x200D && pict && WIDTH_IN(width_pict, next)))
			break;
		w += (size_t)text_cp_width(next);
		cp = next;
		off += used;
	}
	*width = w;
	return off;
}

/*
 * Find the end of the code point at off together with the zero-width code
 * points after it, for cutting a cluster too wide for a whole line.
 */
static size_t
width_unit(const char *s, size_t len, size_t off, size_t *width)
{
	uint32_t	cp, next;
	size_t		used;

	off += text_decode(s + off, len - off, &cp);
	*width = (size_t)text_cp_width(cp);
	while (off < len) {
		used = text_decode(s + off, len - off, &next);
		if (width_is_control(next) || text_cp_width(next) != 0)
			break;
		cp = next;
		off += used;
	}
	return off;
}

/* Return the display width of a string. */
size_t
text_width(const char *s)
{
	size_t	len = strlen(s), off = 0, w, total = 0;

	while (off < len) {
		off = width_cluster(s, len, off, &w);
		total += w;
	}
	return total;
}

/* Count the user-perceived characters in a string. */
size_t
text_graphemes(const char *s)
{
	size_t	len = strlen(s), off = 0, w, n = 0;

	while (off < len) {
		off = width_cluster(s, len, off, &w);
		n++;
	}
	return n;
}

/* Count the code points in a string (each invalid sequence counts one). */
size_t
text_codepoints(const char *s)
{
	size_t		len = strlen(s), off = 0, n = 0;
	uint32_t	cp;

	while (off < len) {
		off += text_decode(s + off, len - off, &cp);
		n++;
	}
	return n;
}

/*
 * Return the length of the longest prefix of s[0..len) within width; with
 * less not NULL, give in it that of the longest within width - 1 (width
 * is then at least 1), found in the same pass.
 */
static size_t
width_fit(const char *s, size_t len, size_t width, size_t *used,
    size_t *less)
{
	size_t	off = 0, end, w, total = 0;

	if (less != NULL)
		*less = 0;
	while (off < len) {
		end = width_cluster(s, len, off, &w);
		if (total + w > width)
			break;
		total += w;
		off = end;
		if (less != NULL && total < width)
			*less = off;
	}
	if (used != NULL)
		*used = total;
	return off;
}

/* Return the byte length of the longest prefix of s within width columns. */
size_t
text_fit(const char *s, size_t width, size_t *used)
{
	return width_fit(s, strlen(s), width, used, NULL);
}

/* Copy the first line of s, cut with an ellipsis to fit width columns. */
char *
text_first_line(const char *s, size_t width)
{
	static const char	 ellipsis[] = "\xe2\x80\xa6";
	size_t			 eol = strcspn(s, "\n"), n;
	char			*out;

	if (width == 0) {
		n = width_fit(s, eol, 0, NULL, NULL);
		return n == eol ? xstrndup(s, eol) : xstrdup("");
	}
	/* The cut that leaves room for the ellipsis, from the same pass. */
	if (width_fit(s, eol, width, NULL, &n) == eol)
		return xstrndup(s, eol);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	out = xmalloc(n + sizeof ellipsis);
	memcpy(out, s, n);
	memcpy(out + n, ellipsis, sizeof ellipsis);
	return out;
}

/* Pad or cut the first line of s to exactly width columns. */
char *
text_pad(const char *s, size_t width)
{
	char	*line, *out;
	size_t	 w, len;

	line = text_first_line(s, width);
	w = text_width(line);
	assert(w <= width);
	len = strlen(line);
	out = xmalloc(len + (width - w) + 1);
	memcpy(out, line, len);
	memset(out + len, ' ', width - w);
	out[len + width - w] = '\0';
	free(line);
	return out;
}

/* Return the byte offset of the character boundary after off. */
size_t
text_next(const char *s, size_t len, size_t off)
{
	size_t	w;

	if (off >= len)
		return len;
	return width_cluster(s, len, off, &w);
}

/* Return the byte offset of the character boundary before off. */
size_t
text_prev(const char *s, size_t off)
{
	size_t	start, end, w;

	if (off == 0)
		return 0;
	if (s[off - 1] == '\n')
		return off >= 2 && s[off - 2] == '\r' ? off - 2 : off - 1;
	start = off - 1;
	while (start > 0 && s[start - 1] != '\n')
		start--;
	for (;;) {
		end = width_cluster(s, off, start, &w);
		if (end >= off)
			return start;
		start = end;
	}
}

/* Lines being built by text_wrap, and the paragraph being wrapped. */
struct wrap {
	char		**lines;
	size_t		  n;
	size_t		  cap;
	size_t		  width;
	const char	 *s;		/* paragraph, not NUL-terminated */
	size_t		  len;
	size_t		  ls;		/* current line start */
	size_t		  le;		/* current line end */
	size_t		  col;		/* current line width */
	int		  open;		/* current line has something */
};

/* Add a finished line. */
static void
wrap_push(struct wrap *wr, const char *p, size_t n)
{
	if (wr->n == wr->cap) {
		wr->cap = wr->cap == 0 ? 16 : wr->cap * 2;
		wr->lines = xreallocarray(wr->lines, wr->cap,
		    sizeof *wr->lines);
	}
	wr->lines[wr->n++] = xstrndup(p, n);
}

/* Finish the current line, if there is one. */
static void
wrap_flush(struct wrap *wr)
{
	if (wr->open)
		wrap_push(wr, wr->s + wr->ls, wr->le - wr->ls);
	wr->open = 0;
	wr->col = 0;
}

/* Add s[start..end), of the given width, to the current line. */
static void
wrap_append(struct wrap *wr, size_t start, size_t end, size_t w)
{
	if (!wr->open) {
		wr->ls = start;
		wr->open = 1;
	}
	wr->le = end;
	wr->col += w;
}

/*
 * Cut a cluster wider than a whole line between its code points. Only a
 * wide character in a one-column line cannot be placed at all; it is shown
 * as U+FFFD.
 */
static void
wrap_cut_cluster(struct wrap *wr, size_t off, size_t end)
{
	size_t	next, w;

	for (; off < end; off = next) {
		next = width_unit(wr->s, end, off, &w);
		if (wr->open && wr->col + w > wr->width)
			wrap_flush(wr);
		if (w <= wr->width)
			wrap_append(wr, off, next, w);
		else
			wrap_push(wr, "\xef\xbf\xbd", 3);
	}
}

/* Hard-break a word longer than a line between its clusters. */
static void
wrap_long(struct wrap *wr, size_t off, size_t end)
{
	size_t	next, w;

	for (; off < end; off = next) {
		next = width_cluster(wr->s, end, off, &w);
		if (wr->open && wr->col + w > wr->width)
			wrap_flush(wr);
		if (w <= wr->width)
			wrap_append(wr, off, next, w);
		else
			wrap_cut_cluster(wr, off, next);
	}
}

/*
 * Find the end of the word at off: a run of narrow clusters up to a space,
 * or one wide cluster, since CJK text may break between any two
 * characters.
 */
static size_t
wrap_word(const struct wrap *wr, size_t off, size_t *width)
{
	size_t	start = off, end, w;

	*width = 0;
	while (off < wr->len && wr->s[off] != ' ') {
		end = width_cluster(wr->s, wr->len, off, &w);
		if (w >= 2) {
			if (off != start)
				break;
			*width = w;
			return end;
		}
		*width += w;
		off = end;
	}
	return off;
}

/* Wrap one paragraph (a line of the input without its newline). */
static void
wrap_para(struct wrap *wr)
{
	size_t	off = 0, sp, end, w, first = wr->n;

	wr->open = 0;
	wr->col = 0;
	while (off < wr->len) {
		sp = off;
		while (off < wr->len && wr->s[off] == ' ')
			off++;
		if (off == wr->len)
			break;
		end = wrap_word(wr, off, &w);
		if (wr->open && wr->col + (off - sp) + w <= wr->width)
			wrap_append(wr, sp, end, (off - sp) + w);
		else if (!wr->open && wr->n == first &&
		    (off - sp) + w <= wr->width)
			wrap_append(wr, sp, end, (off - sp) + w);
		else {
			wrap_flush(wr);
			if (w <= wr->width)
				wrap_append(wr, off, end, w);
			else
				wrap_long(wr, off, end);
		}
		off = end;
	}
	wrap_flush(wr);
	if (wr->n == first)
		wrap_push(wr, "", 0);
}

/* Wrap text to width columns; store the lines in *lines, return the count. */
size_t
text_wrap(const char *s, size_t width, char ***lines)
{
	struct wrap	 wr;
	const char	*p = s, *nl;

	assert(width >= 1);
	memset(&wr, 0, sizeof wr);
	wr.width = width;
	for (;;) {
		nl = strchr(p, '\n');
		wr.s = p;
		wr.len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		wrap_para(&wr);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	*lines = wr.lines;
	return wr.n;
}

/* Free lines from text_wrap. */
void
text_lines_free(char **lines, size_t n)
{
	size_t	i;

	if (lines == NULL)
		return;
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Quote a value in a message; see text.h. */
char *
text_quote(const char *s, size_t width)
{
	char	*clean, *out;

	clean = text_sanitize_line(s, strnlen(s, 8 * width));
	out = text_first_line(clean, width);
	if (strlen(s) > 8 * width && strcmp(out, clean) == 0) {
		free(out);
		out = xprintf("%s\xe2\x80\xa6", clean);
	}
	free(clean);
	return out;
}
