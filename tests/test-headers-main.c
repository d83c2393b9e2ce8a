/* Each header-check translation unit is compiled on its own; linking them
 * into one program shows they also coexist. */
int
main(void)
{
	return 0;
}
