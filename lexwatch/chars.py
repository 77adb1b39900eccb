"""Characters lexwatch never lets through as they are, shared by what reads texts and what prints."""

# The bidi controls: they show a line's words in another order than they are (an article number or a
# term read backwards, a file "evil‮txt.pdf" shown as "evilfdp.txt"); Russian and Belarusian legal
# texts have no use for them. A stored text drops them; what is printed shows "?" (cli.context).
BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
